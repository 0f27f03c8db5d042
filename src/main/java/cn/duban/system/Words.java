package cn.duban.system;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words for a code (step.ASSIGN, remind.OVERDUE, finding.NOT_COMPLETED…): one table, messages.properties, that
 * the pages read through Spring's MessageSource ({@code #{'remind.' + kind}}) and that the Chinese documents and
 * messages the server writes read here.
 */
public final class Words {

    private static final ResourceBundle CHINESE = ResourceBundle.getBundle("messages", Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private Words() {}

    /** The Chinese word for {@code prefix.code}, or the code itself when messages.properties has none. */
    public static String chinese(String prefix, String code) {
        String key = prefix + "." + code;
        return CHINESE.containsKey(key) ? CHINESE.getString(key) : code;
    }
}
