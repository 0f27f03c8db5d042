package cn.duban.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The command line of duban.jar: commands that need no server. {@code java -jar duban.jar parse FILE} and so on;
 * with no argument, or only options ({@code --server.port=…}), the jar starts the server.
 *
 * <p>The commands are described through picocli's programmatic model, not its annotations: reading annotations goes
 * through picocli's default factory, which first looks for Groovy on the class path, and that miss opens every
 * library jar inside the executable jar — a third of a second on each run.
 */
public final class Cli {

    private Cli() {
    }

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
        CommandSpec tool = command(null, "java -jar duban.jar", "督办 duban 命令行工具 (不启动服务); 不带命令时启动服务。",
                "duban's command line (no server); without a command the jar starts the server.");
        tool.usageMessage().commandListHeading("%n命令 (commands):%n");
        CommandLine cli = new CommandLine(tool, Cli::create);
        for (CommandSpec command : new CommandSpec[] {new ParseCommand().spec, new SimulateCommand().spec,
                new LookbackCommand().spec, new HelpCommand().spec}) {
            cli.addSubcommand(new CommandLine(command, Cli::create));
        }
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
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

    /** A command with {@code -h/--help} and usage headings in Chinese first; {@code call} runs it. */
    static CommandSpec command(Callable<Integer> call, String name, String... description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(call, Cli::create);
        spec.name(name).usageMessage().description(description).synopsisHeading("用法 (usage): ")
                .optionListHeading("%n选项 (options):%n").parameterListHeading("%n参数 (parameters):%n");
        return spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("显示本帮助 (show this help)").build());
    }

    static OptionSpec option(String name, Class<?> type, String label, String description) {
        return OptionSpec.builder(name).type(type).paramLabel(label).description(description).build();
    }

    /** {@code --rules DIR}, by default ./rules. */
    static OptionSpec rules(String description) {
        return OptionSpec.builder("--rules").type(String.class).paramLabel("DIR").defaultValue("rules")
                .description(description).build();
    }

    static PositionalParamSpec parameter(int index, Class<?> type, String label, String description) {
        return PositionalParamSpec.builder().index(String.valueOf(index)).type(type).paramLabel(label)
                .description(description).build();
    }

    /** What picocli makes for itself, without its default factory. */
    private static <K> K create(Class<K> type) throws ReflectiveOperationException {
        return type.getDeclaredConstructor().newInstance();
    }
}
