package cn.duban.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;

/**
 * The command line of duban.jar: commands that need no server. {@code java -jar duban.jar parse FILE} and so on;
 * with no argument, or only options ({@code --server.port=…}), the jar starts the server.
 */
@Command(name = "java -jar duban.jar", subcommands = {ParseCommand.class, SimulateCommand.class, LookbackCommand.class,
        HelpCommand.class}, description = {"督办 duban 命令行工具 (不启动服务); 不带命令时启动服务。",
        "duban's command line (no server); without a command the jar starts the server."})
public class Cli {

    @Mixin
    HelpOption help;

    /** Whether the arguments are a command (known or not) rather than the server's options. */
    public static boolean handles(String firstArgument) {
        return !firstArgument.startsWith("-") || firstArgument.equals("-h") || firstArgument.equals("--help");
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
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        inChinese(cli);
        cli.setParameterExceptionHandler((e, arguments) -> {
            CommandLine at = e.getCommandLine();
            if (at == cli && e instanceof CommandLine.UnmatchedArgumentException) {
                err.println("错误: 未知命令 " + arguments[0] + "; 可用命令: " + String.join(", ", cli.getSubcommands().keySet())
                        + " (用法见 java -jar duban.jar --help)");
            } else {
                err.println("错误: 参数有误 (" + e.getMessage() + "); 用法见 "
                        + at.getCommandSpec().qualifiedName() + " --help");
            }
            return 2;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("错误: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 2;
        });
        return cli.execute(args);
    }

    /** Usage headings in Chinese first, for the tool and each command. */
    private static void inChinese(CommandLine cli) {
        cli.getSubcommands().get("help").getCommandSpec().usageMessage()
                .description("显示某个命令的帮助 (help for a command): help parse");
        for (CommandLine c : java.util.stream.Stream.concat(java.util.stream.Stream.of(cli), cli.getSubcommands().values().stream()).toList()) {
            c.getCommandSpec().usageMessage().synopsisHeading("用法 (usage): ").commandListHeading("%n命令 (commands):%n")
                    .optionListHeading("%n选项 (options):%n").parameterListHeading("%n参数 (parameters):%n");
        }
    }
}
