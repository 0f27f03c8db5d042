package cn.duban.plan.parse;

import java.util.regex.Pattern;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

/**
 * Text as the rest of the parser expects it: Simplified Chinese, without the pinyin some sites print after each
 * character (現(xiàn)), with one form of brackets, colons and commas, and no leftover HTML tags.
 */
final class Normalizer {

    private static final Pattern PINYIN = Pattern.compile("(?<=\\p{IsHan})\\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}\\)");
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*[^<>]{0,200}>");
    private static final Pattern SPACE_BETWEEN_HAN = Pattern.compile("(?<=[\\p{IsHan}])[ \\t]+(?=[\\p{IsHan}])");

    private Normalizer() {}

    static String text(String raw) {
        String s = raw.replace("\r\n", "\n").replace('\r', '\n');
        s = PINYIN.matcher(s).replaceAll("");
        s = ZhConverterUtil.toSimple(s);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            out.append(punctuation(s.charAt(i)));
        }
        return TAG.matcher(out).replaceAll("");
    }

    /** One line of text, trimmed, with the stray spaces of web pages between Chinese characters removed. */
    static String line(String line) {
        return SPACE_BETWEEN_HAN.matcher(line.strip()).replaceAll("");
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
