package cn.duban.plan.parse;

/** Chinese numerals as plans print them: 一 … 十, 十一 … 九十九. */
public final class Numerals {

    private static final String DIGITS = "零一二三四五六七八九";

    private Numerals() {}

    public static String chinese(int n) {
        if (n <= 0 || n >= 100) {
            return String.valueOf(n);
        }
        if (n < 10) {
            return String.valueOf(DIGITS.charAt(n));
        }
        String tens = n / 10 == 1 ? "" : String.valueOf(DIGITS.charAt(n / 10));
        return tens + "十" + (n % 10 == 0 ? "" : String.valueOf(DIGITS.charAt(n % 10)));
    }

    /** The value of 一 … 九十九 (also 两), or -1. */
    static int value(String s) {
        if (s.isEmpty()) {
            return -1;
        }
        int ten = s.indexOf('十');
        if (ten < 0) {
            return s.length() == 1 ? digit(s.charAt(0)) : -1;
        }
        int tens = ten == 0 ? 1 : ten == 1 ? digit(s.charAt(0)) : -1;
        int ones = ten == s.length() - 1 ? 0 : ten == s.length() - 2 ? digit(s.charAt(ten + 1)) : -1;
        return tens < 0 || ones < 0 ? -1 : tens * 10 + ones;
    }

    private static int digit(char c) {
        return c == '两' ? 2 : DIGITS.indexOf(c) > 0 ? DIGITS.indexOf(c) : -1;
    }
}
