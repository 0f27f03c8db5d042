package cn.duban.cli;

import picocli.CommandLine.Option;

/** {@code -h/--help} on every command, described in Chinese first. */
class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "显示本帮助 (show this help)")
    boolean help;
}
