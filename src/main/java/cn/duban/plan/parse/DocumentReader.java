package cn.duban.plan.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import cn.duban.plan.parse.Block.Line;

/**
 * Reads a plan document of any supported format, recognized by its content (plain text here; .docx and .xlsx with
 * {@link OfficeReader}, .html with {@link HtmlReader}, PDF with {@link PdfReader}, .doc/.wps and .xls with
 * {@link Word97Reader}), into the same blocks whatever the format:
 * normalized lines (a paragraph with the number Word prints before it) and grids of cells (merged cells filled with
 * their text). It only reads: where the text holds tables, headers and items is {@link Layout}'s to find.
 *
 * <p>Each format's reader is a class of its own, so that a plain-text parse never loads Word's, Excel's or the
 * web's libraries (the command line's start-up time).
 */
final class DocumentReader {

    private static final Pattern HTML = Pattern.compile("(?is)^\\s*(<!doctype html|<html|<head|<body|<meta|<div|<p[ >]|<table)");
    /** The most lines a table cell keeps. */
    static final int MAX_CELL_LINES = 20;

    private DocumentReader() {}

    static List<Block> read(byte[] content) {
        if (content.length == 0) {
            throw new PlanParseException("文件为空");
        }
        if (startsWith(content, 0x50, 0x4B, 0x03, 0x04)) {
            return OfficeReader.read(content);
        }
        if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
            return Word97Reader.read(content);
        }
        if (startsWith(content, '%', 'P', 'D', 'F')) {
            return PdfReader.read(content);
        }
        String text = decode(content);
        return HTML.matcher(text).find() ? HtmlReader.read(text) : lines(text);
    }

    // ---- plain text -------------------------------------------------------------------------------------------

    /** Plain text as lines, normalized (an empty line stays: it may end a table's row); layout is {@link Layout}'s. */
    static List<Block> lines(String raw) {
        return Normalizer.text(raw).lines().map(l -> (Block) new Line(l.strip())).toList();
    }

    /** A table cell's text: normalized, its lines joined, at most MAX_CELL_LINES of them. */
    static String cellText(String raw) {
        String text = Normalizer.text(raw);
        return String.join("", text.lines().limit(MAX_CELL_LINES).map(Normalizer::line).toList());
    }

    // ---- bytes to text -----------------------------------------------------------------------------------------

    /** Text as UTF-8 (with or without BOM), else GB18030 as older government sites publish it; binary is refused. */
    static String decode(byte[] content) {
        int control = 0;
        int sample = Math.min(content.length, 65536);
        for (int i = 0; i < sample; i++) {
            int b = content[i] & 0xFF;
            if (b == 0) {
                throw new PlanParseException("不是文本文件 (含二进制内容): 请上传纯文本、Word、Excel、PDF 或网页");
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                control++;
            }
        }
        if (control > sample / 100 + 2) {
            throw new PlanParseException("不是文本文件 (含二进制内容): 请上传纯文本、Word、Excel、PDF 或网页");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            try {
                return Charset.forName("GB18030").newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(content)).toString();
            } catch (CharacterCodingException notGb) {
                throw new PlanParseException("无法识别文件编码: 请使用 UTF-8 或 GB18030 编码的文本");
            }
        }
    }

    private static boolean startsWith(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
