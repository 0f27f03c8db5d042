package cn.duban.cli;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code help [COMMAND]}: the usage of the tool or of one command. */
final class HelpCommand implements Callable<Integer> {

    final CommandSpec spec = Cli.command(this, "help", "显示某个命令的帮助 (help for a command): help parse").helpCommand(true);

    private final PositionalParamSpec command = PositionalParamSpec.builder().index("0").arity("0..1").type(String.class)
            .paramLabel("COMMAND").description("命令名 (a command)").build();

    HelpCommand() {
        spec.addPositional(command);
    }

    @Override
    public Integer call() {
        CommandLine tool = spec.parent().commandLine();
        List<String> named = command.stringValues();
        CommandLine about = named.isEmpty() ? tool : tool.getSubcommands().get(named.get(0));
        if (about == null) {
            throw new IllegalArgumentException("未知命令 " + named.get(0) + "; 可用命令: "
                    + String.join(", ", tool.getSubcommands().keySet()));
        }
        about.usage(spec.commandLine().getOut());
        return 0;
    }
}
