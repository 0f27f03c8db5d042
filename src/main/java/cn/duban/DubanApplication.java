package cn.duban;

import cn.duban.cli.Cli;
import cn.duban.system.Settings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(Settings.class)
public class DubanApplication {

    /** With a command (parse, …) the jar is a command-line tool and no server starts. */
    public static void main(String[] args) {
        if (args.length > 0 && Cli.handles(args[0])) {
            System.exit(Cli.run(args));
        }
        SpringApplication.run(DubanApplication.class, args);
    }
}
