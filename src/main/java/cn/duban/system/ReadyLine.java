package cn.duban.system;

import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

import cn.duban.org.OrgDirectory;

/** One log line when the service is ready: where to open it, and under the demo profile who can sign in. */
@Component
public class ReadyLine {

    private static final Logger log = LoggerFactory.getLogger(ReadyLine.class);

    private final Environment environment;
    private final OrgDirectory directory;

    public ReadyLine(Environment environment, OrgDirectory directory) {
        this.environment = environment;
        this.directory = directory;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    public void ready() {
        String url = "http://localhost:" + environment.getProperty("local.server.port", "8080")
                + environment.getProperty("server.servlet.context-path", "") + "/";
        String demo = !environment.acceptsProfiles(Profiles.of("demo")) ? ""
                : "; 演示账户 (demo sign-ins, 密码 password demo): " + directory.users().stream()
                        .map(u -> u.username() + " " + u.name()).collect(Collectors.joining(", "));
        log.info("督办 duban 已就绪 (ready): {}{}", url, demo);
    }
}
