package cn.duban.cli;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line of duban.jar: commands that need no server. {@code java -jar duban.jar parse FILE} and so on;
 * without a command the jar starts the server.
 */
@Command(name = "java -jar duban.jar", mixinStandardHelpOptions = true, subcommands = {ParseCommand.class, SimulateCommand.class, LookbackCommand.class},
        description = "督办 duban: 命令行工具 (不启动服务)")
public class Cli {

    private static final Set<String> COMMANDS = Set.of("parse", "simulate", "lookback", "help", "--help", "-h");

    public static boolean handles(String firstArgument) {
        return COMMANDS.contains(firstArgument);
    }

    /** Runs a command; its exit code: 0 done, 2 refused (bad input: one line on stderr). */
    public static int run(String... args) {
        // a command's output is its result: the libraries' logging would mix into it. Logging is configured when
        // a library first logs (a plain-text parse never does, and saves the set-up time)
        System.setProperty("logback.configurationFile", "logback-cli.xml");
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        return run(out, err, args);
    }

    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine cli = new CommandLine(new Cli());
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, arguments) -> {
            err.println("错误: 参数有误 (" + e.getMessage() + "); 用法见 java -jar duban.jar "
                    + e.getCommandLine().getCommandName() + " --help");
            return 2;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("错误: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 2;
        });
        return cli.execute(args);
    }
}
