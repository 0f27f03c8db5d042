package cn.duban.cli;

import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code help [COMMAND]}: the usage of the tool or of one command. */
final class HelpCommand {

    private HelpCommand() {
    }

    static CommandSpec spec() {
        CommandSpec[] spec = new CommandSpec[1];
        spec[0] = Cli.command(() -> show(spec[0]), "help", "显示某个命令的帮助 (help for a command): help parse")
                .helpCommand(true).addPositional(PositionalParamSpec.builder().index("0").arity("0..1").type(String.class)
                        .paramLabel("COMMAND").description("命令名 (a command)").build());
        return spec[0];
    }

    private static int show(CommandSpec spec) {
        CommandLine tool = spec.parent().commandLine();
        List<String> named = spec.positionalParameters().get(0).stringValues();
        CommandLine about = named.isEmpty() ? tool : tool.getSubcommands().get(named.get(0));
        if (about == null) {
            throw new IllegalArgumentException("未知命令 " + named.get(0) + "; 可用命令: "
                    + String.join(", ", tool.getSubcommands().keySet()));
        }
        about.usage(spec.commandLine().getOut());
        return 0;
    }
}
