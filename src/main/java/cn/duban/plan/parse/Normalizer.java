package cn.duban.plan.parse;

import java.util.regex.Pattern;

import com.github.houbb.opencc4j.core.impl.ZhConvertBootstrap;
import com.github.houbb.opencc4j.support.segment.impl.Segments;

/**
 * Text as the rest of the parser expects it: Simplified Chinese, without the pinyin some sites print after each
 * character (現(xiàn)), with one form of brackets, colons and commas, and no leftover HTML tags.
 */
final class Normalizer {

    // the bracket first, then the character before it: a pattern that starts with a literal is scanned for it quickly
    private static final Pattern PINYIN = Pattern.compile("\\((?<=\\p{IsHan}\\()[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}\\)");
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*[^<>]{0,200}>");
    /** What is left of a table tag whose "<" was lost in a bad conversion (?/td>). */
    private static final Pattern TAG_RESIDUE = Pattern.compile("\\?/(?:td|th|tr|p|span|div)>");

    /**
     * Characters found only in Traditional Chinese, common in any government plan: a text with none of them is
     * Simplified, and the converter (whose dictionaries take a third of a second to load) is not needed.
     */
    static final String TRADITIONAL_MARKS = "務開關單會縣區鄉鎮辦與為時實發這個們對說過現經進運還點從麼認應總將長門問題間體國"
            + "業東員幾動機構權決條據備議設計調變質勢確規劃報廣衛農環財稅資產當級類協階層網絡訊號頁製訂傳統導響優標準處領隊責擔職並";

    private static final java.util.BitSet MARKS = new java.util.BitSet();

    static {
        TRADITIONAL_MARKS.chars().forEach(MARKS::set);
    }

    private Normalizer() {}

    /**
     * The text in Simplified Chinese: converted only when it holds a Traditional character, character by character
     * (OpenCC's phrase segmentation reads a megabyte of phrases first and triples the time of a short plan; a plan's
     * words convert the same either way).
     */
    static String simplified(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (MARKS.get(s.charAt(i))) {
                return ZhConvertBootstrap.newInstance().segment(Segments.chars()).toSimple(s);
            }
        }
        return s;
    }

    static String text(String raw) {
        String s = raw.replace("\r\n", "\n").replace('\r', '\n');
        s = PINYIN.matcher(s).replaceAll("");
        s = simplified(s);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            out.append(punctuation(s.charAt(i)));
        }
        return TAG_RESIDUE.matcher(TAG.matcher(out).replaceAll("")).replaceAll("");
    }

    /**
     * One line of text, trimmed, with the stray spaces of web pages removed: those between Chinese characters, or
     * between one and a digit or Chinese punctuation.
     */
    static String line(String line) {
        String s = line.strip();
        if (s.indexOf(' ') < 0 && s.indexOf('\t') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int end = i;
            while (end < s.length() && (s.charAt(end) == ' ' || s.charAt(end) == '\t')) {
                end++;
            }
            if (end == i) {
                out.append(s.charAt(i++));
                continue;
            }
            // a stripped line starts and ends with neither, so a run of them has a character on each side
            int before = s.codePointBefore(i);
            int after = s.codePointAt(end);
            boolean stray = cjk(before) && (cjk(after) || isDigit(after)) || isDigit(before) && cjk(after);
            if (!stray) {
                out.append(s, i, end);
            }
            i = end;
        }
        return out.toString();
    }

    private static boolean cjk(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN || c >= 0x3000 && c <= 0x303F
                || c >= 0xFF00 && c <= 0xFFEF || c == '“' || c == '”' || c == '‘' || c == '’';
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static char punctuation(char c) {
        switch (c) {
            case '（': return '(';
            case '）': return ')';
            case '：': return ':';
            case '；': return ';';
            case '，': return ',';
            case '．': return '.';
            case '｜': return '|';
            case '\u3000': case '\u00A0': case '\uFEFF': return ' ';
            default:
                // full-width ASCII letters and digits
                if (c >= '０' && c <= '９' || c >= 'Ａ' && c <= 'Ｚ' || c >= 'ａ' && c <= 'ｚ') {
                    return (char) (c - 0xFEE0);
                }
                return c;
        }
    }
}
