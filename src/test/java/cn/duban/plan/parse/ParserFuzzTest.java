package cn.duban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The parser never throws on arbitrary input: it reads a plan or refuses the document with a {@link PlanParseException}
 * (the message users see). Inputs: mutations of the seeds (when DUBAN_CORPUS is set), of the demo plan and of our
 * .docx/.xlsx/.html/.doc/PDF fixtures, random bytes, and huge and deeply nested documents. Reproducible: the seed is fixed and
 * a failure names the input's number.
 */
class ParserFuzzTest {

    private static final int INPUTS = 10_000;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // a hang guard (catastrophic backtracking), not a speed test
    void arbitraryInputIsReadOrRefusedWithAMessage() throws IOException {
        List<byte[]> bases = bases();
        Random random = new Random(20261122L);
        int read = 0;
        int refused = 0;
        java.util.Map<String, Integer> reasons = new java.util.TreeMap<>();
        for (int n = 0; n < INPUTS; n++) {
            byte[] input = input(n, bases, random);
            try {
                ParsedPlan plan = PlanParser.parse(input, random.nextInt(4) == 0 ? 2024 : null);
                assertThat(plan.items()).as("input %d", n).isNotNull();
                assertThat(plan.items()).as("every item has a number").allMatch(i -> i.number() != null);
                read++;
            } catch (PlanParseException e) {
                assertThat(e.getMessage()).as("input %d is refused with a message", n).isNotBlank();
                refused++;
                reasons.merge(e.getMessage().replaceAll("[0-9]+", "N"), 1, Integer::sum);
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("input " + n + " (" + input.length + " bytes) made the parser throw " + e, e);
            }
        }
        assertThat(read + refused).isEqualTo(INPUTS);
        // over half with the seeds; a quarter without them, when most bases are office files whose mutations break the zip
        assertThat(read).as("mutations still reach the parser's reading, not only its refusals: %s", reasons)
                .isGreaterThan(INPUTS / 4);
    }

    private static byte[] input(int n, List<byte[]> bases, Random random) {
        return switch (n % 20) {
            case 0 -> randomBytes(random, random.nextInt(4096));
            case 1 -> nested(random);
            case 2 -> n % 400 == 2 ? huge(bases, random) : randomText(random);
            default -> mutate(bases.get(random.nextInt(bases.size())), random);
        };
    }

    /**
     * Office files: byte flips, deletions, duplications and insertions. Text: the same edits on characters (so the
     * text stays decodable and reaches the parser), on a window of the document after its first lines, and now and
     * then on its bytes.
     */
    private static byte[] mutate(byte[] base, Random random) {
        if (binary(base) || random.nextInt(10) == 0) {
            return edit(base, random);
        }
        String text = new String(base, StandardCharsets.UTF_8);
        if (text.length() > 3000 && random.nextBoolean()) {
            int from = 300 + random.nextInt(text.length() - 2500);
            text = text.substring(0, 300) + text.substring(from, Math.min(text.length(), from + 500 + random.nextInt(2000)));
        }
        int[] chars = text.codePoints().toArray();
        StringBuilder out = new StringBuilder();
        int edits = 1 + random.nextInt(8);
        int at = 0;
        for (int e = 0; e < edits && at < chars.length; e++) {
            int next = at + random.nextInt(Math.max(1, (chars.length - at) / (edits - e)));
            out.append(new String(chars, at, next - at));
            at = next;
            switch (random.nextInt(5)) {
                case 0 -> out.appendCodePoint(random.nextBoolean() ? 0x4E00 + random.nextInt(0x51A5) : 32 + random.nextInt(95));
                case 1 -> at = Math.min(chars.length, at + random.nextInt(64));
                case 2 -> out.append(new String(chars, Math.max(0, at - 32), Math.min(32, at)));
                case 3 -> out.append(pick(random, "(牵头单位:", "、", "。", "一、", "(一)", "1.", "年底前", "\n", "|", "<td>",
                        "9月底前", "责任单位", "〔", "》", "\uFFFD", "333.", "\t", "  "));
                default -> {
                    if (at < chars.length) {
                        out.appendCodePoint(chars[at] + random.nextInt(5) - 2 > 0 ? chars[at] + random.nextInt(5) - 2 : 32);
                        at++;
                    }
                }
            }
        }
        out.append(new String(chars, at, chars.length - at));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] edit(byte[] doc, Random random) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int edits = 1 + random.nextInt(8);
        int at = 0;
        for (int e = 0; e < edits && at < doc.length; e++) {
            int next = at + random.nextInt(Math.max(1, (doc.length - at) / (edits - e)));
            out.write(doc, at, next - at);
            at = next;
            switch (random.nextInt(4)) {
                case 0 -> out.write(random.nextInt(256));
                case 1 -> at = Math.min(doc.length, at + random.nextInt(64));
                case 2 -> out.write(doc, Math.max(0, at - 32), Math.min(32, at));
                default -> {
                    if (at < doc.length) {
                        out.write(doc[at] ^ (1 << random.nextInt(8)));
                        at++;
                    }
                }
            }
        }
        out.write(doc, at, doc.length - at);
        return out.toByteArray();
    }

    /** Office files, PDF: edited as bytes. */
    private static boolean binary(byte[] base) {
        return base[0] == 'P' && base[1] == 'K' || base[0] == '%' && base[1] == 'P' || (base[0] & 0xFF) == 0xD0;
    }

    private static byte[] nested(Random random) {
        int depth = 2000 + random.nextInt(8000);
        String open = pick(random, "<div>", "(", "〔", "(一)", "一、", "<table><tr><td>");
        StringBuilder s = new StringBuilder(random.nextBoolean() ? "<html><body>" : "");
        for (int i = 0; i < depth; i++) {
            s.append(open);
        }
        s.append("1.公开事项。(责任单位:市甲局)9月底前");
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Several megabytes: a base document repeated. */
    private static byte[] huge(List<byte[]> bases, Random random) {
        byte[] base = bases.get(random.nextInt(bases.size()));
        if (binary(base)) {
            base = bases.get(0);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (out.size() < 3_000_000) {
            out.writeBytes(base);
        }
        return out.toByteArray();
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    private static byte[] randomText(Random random) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(2000);
        for (int i = 0; i < length; i++) {
            s.append(random.nextInt(5) == 0 ? pick(random, "\n", "、", "(", ")", ":", "。", "1.", "一、", "牵头")
                    : (char) (random.nextBoolean() ? 0x4E00 + random.nextInt(0x51A5) : 32 + random.nextInt(95)));
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }

    private static List<byte[]> bases() throws IOException {
        List<byte[]> bases = new ArrayList<>();
        try (InputStream demo = ParserFuzzTest.class.getResourceAsStream("/demo/plan.txt")) {
            bases.add(demo.readAllBytes());
        }
        bases.add(FormatFixturesTest.docx());
        bases.add(FormatFixturesTest.xlsx());
        bases.add(PdfAndDocTest.resource("/parse/plan.doc"));
        if (Files.isReadable(PdfAndDocTest.FONT)) {
            bases.add(PdfAndDocTest.pdf(PdfAndDocTest.HEADER, PdfAndDocTest.PLAN, 7));
            bases.add(PdfAndDocTest.tablePdf());
        } else {
            System.out.println("ParserFuzzTest: no PDF inputs, the CJK font " + PdfAndDocTest.FONT + " is missing");
        }
        bases.add(("<html><body><h1>测试市2024年政务公开工作要点</h1><table><tr><th>序号</th><th>工作任务</th><th>责任单位</th>"
                + "<th>完成时限</th></tr><tr><td>1</td><td>公开预算。</td><td>市财政局</td><td>9月底前</td></tr></table></body></html>")
                .getBytes(StandardCharsets.UTF_8));
        for (Path seed : cn.duban.Seeds.all()) {
            bases.add(Files.readAllBytes(seed));
        }
        return bases;
    }
}
