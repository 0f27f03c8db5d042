package cn.duban.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import cn.duban.plan.parse.ParsedPlan;
import cn.duban.plan.parse.PlanParser;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** The plan document a command reads: {@code FILE [--year YYYY]}. Problems become the command's one-line refusal. */
final class PlanFile {

    private final PositionalParamSpec file = Cli.parameter(0, Path.class, "FILE",
            "计划文件 (文本、.docx/.doc/.wps、.xlsx/.xls、PDF、.html)");
    private final OptionSpec year = Cli.option("--year", Integer.class, "YYYY", "计划年份 (文件未写明年份时必填)");

    PlanFile(CommandSpec command) {
        command.addPositional(file).addOption(year);
    }

    ParsedPlan parse() {
        return read(file.getValue(), year.getValue());
    }

    static ParsedPlan read(Path file, Integer year) {
        try {
            return PlanParser.parse(Files.readAllBytes(file), year);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("文件不存在: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("无法读取文件 " + file + ": " + e.getMessage());
        }
    }
}
