package cn.duban.bench.bare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.runtime.KieContainer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The benchmark's bare application (startup_bare_s): the same starters as duban's (web, Thymeleaf, security, JDBC
 * on H2, Camunda with its webapps and REST API) on the same libraries, and the same rule files compiled by Drools'
 * executable model — with none of duban's code running (only its fact classes on the class path, as the rules name
 * them; bench/run copies them to target/bench/facts): what the platform alone costs to start on this machine.
 */
@SpringBootApplication
public class BareApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareApplication.class, args);
    }

    /** The rules/ files compiled as duban compiles them (a KieFileSystem), without duban's facts and glue. */
    @Bean
    KieContainer rules() throws Exception {
        KieServices kie = KieServices.Factory.get();
        KieFileSystem files = kie.newKieFileSystem();
        try (Stream<Path> rules = Files.list(Path.of("rules"))) {
            for (Path f : rules.filter(p -> p.toString().matches(".*\\.drl(\\.csv|\\.xlsx)?")).sorted().toList()) {
                files.write("src/main/resources/rules/" + f.getFileName(), Files.readAllBytes(f));
            }
        }
        KieBuilder built = kie.newKieBuilder(files).buildAll(org.drools.model.codegen.ExecutableModelProject.class);
        if (built.getResults().hasMessages(Message.Level.ERROR)) {
            throw new IllegalStateException("the rule files do not compile: " + built.getResults().getMessages(Message.Level.ERROR));
        }
        return kie.newKieContainer(kie.getRepository().getDefaultReleaseId());
    }
}
