package cn.duban.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import cn.duban.plan.parse.ParsedPlan;
import cn.duban.plan.parse.PlanParser;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The plan document a command reads: {@code FILE [--year YYYY]}. Problems become the command's one-line refusal. */
class PlanFile {

    @Parameters(paramLabel = "FILE", description = "计划文件 (文本、.docx/.doc/.wps、.xlsx/.xls、PDF、.html)")
    Path file;

    @Option(names = "--year", paramLabel = "YYYY", description = "计划年份 (文件未写明年份时必填)")
    Integer year;

    ParsedPlan parse() {
        try {
            return PlanParser.parse(Files.readAllBytes(file), year);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("文件不存在: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("无法读取文件 " + file + ": " + e.getMessage());
        }
    }
}
