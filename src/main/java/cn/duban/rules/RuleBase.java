package cn.duban.rules;

import java.util.List;
import java.util.stream.Collectors;

import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.runtime.KieContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.duban.system.Folders;
import cn.duban.system.Folders.FileText;

/**
 * The office's policy, compiled at start-up from the files in {@code duban.rules-dir} (or the jar's copies)
 * with Drools' executable model.
 */
@Component
public class RuleBase {

    private static final Logger log = LoggerFactory.getLogger(RuleBase.class);

    private final KieContainer container;

    public RuleBase(@Value("${duban.rules-dir:rules}") String rulesDir) {
        List<FileText> files = Folders.read(rulesDir, "rules", ".drl");
        this.container = build(files);
        log.info("Rules compiled: {}", files.stream().map(FileText::name).collect(Collectors.joining(", ")));
    }

    /** Compiles rule files; a file with errors stops the start with the compiler's messages. */
    static KieContainer build(List<FileText> files) {
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        files.forEach(f -> kfs.write("src/main/resources/rules/" + f.name(), f.content()));
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("规则文件有错误: " + errors);
        }
        return ks.newKieContainer(builder.getKieModule().getReleaseId());
    }

    /** Runs rules/assign.drl: decides whether the office must confirm an item before it goes to the units. */
    public AssignCheck decideAssign(AssignCheck check) {
        container.newStatelessKieSession().execute(check);
        return check;
    }
}
