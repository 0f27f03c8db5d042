package cn.duban.workflow;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.duban.system.Folders.FileText;
import cn.duban.system.Folders;
import cn.duban.system.Settings;
import cn.duban.system.StartupTask;

/**
 * Deploys the BPMN files of {@code duban.processes-dir} (or the jar's copies) at start-up. Unchanged files are
 * not deployed again; an edited file becomes a new version for the instances started after it. The deployment runs
 * on a thread of its own from the moment the process engine exists, beside the rest of start-up; the application
 * does not start until it has succeeded.
 */
@Component
@Order(0)
public class ProcessDeployer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);

    private final RepositoryService repository;
    private final String processesDir;
    private final StartupTask<String> deployed;

    public ProcessDeployer(RepositoryService repository, Settings settings) {
        this.repository = repository;
        this.processesDir = settings.processesDir();
        this.deployed = StartupTask.start("processes-deploy", this::deploy);
    }

    @Override
    public void run(ApplicationArguments args) {
        deployed.join();
    }

    private String deploy() {
        List<FileText> files = Folders.read(processesDir, "processes", ".bpmn");
        if (files.isEmpty()) {
            throw new IllegalStateException("没有找到流程文件 (*.bpmn): " + processesDir);
        }
        DeploymentBuilder deployment = repository.createDeployment().name("duban").enableDuplicateFiltering(true);
        files.forEach(f -> deployment.addString(f.name(), f.content()));
        String id = deployment.deploy().getId();
        log.info("Processes deployed: {} (deployment {})", files.stream().map(FileText::name).toList(), id);
        return id;
    }
}
