package cn.duban.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Bad input in words, for the API and the pages alike: which parameter or field, what it should be (整数, 日期
 * (YYYY-MM-DD), one of an enumeration's values…) and what came — never a Java class name.
 */
final class InputErrors {

    private static final int QUOTED = 40;

    private InputErrors() {}

    /** A query, path or form parameter of the wrong kind, or missing; an upload without its file. */
    static String parameter(Exception e) {
        if (e instanceof MethodArgumentTypeMismatchException m) {
            Class<?> type = m.getRequiredType() != null && Collection.class.isAssignableFrom(m.getRequiredType())
                    ? m.getParameter().nested().getNestedParameterType() : m.getRequiredType();
            return "参数 " + m.getName() + " 应为" + expected(type) + ", 收到 " + quoted(m.getValue());
        }
        if (e instanceof TypeMismatchException t) {
            return "参数 " + t.getPropertyName() + " 应为" + expected(t.getRequiredType()) + ", 收到 " + quoted(t.getValue());
        }
        if (e instanceof MissingServletRequestParameterException m) {
            Class<?> type = m.getMethodParameter() == null ? null : m.getMethodParameter().getParameterType();
            return "缺少参数 " + m.getParameterName() + (type == null || type == String.class ? "" : " (应为" + expected(type) + ")");
        }
        if (e instanceof MissingServletRequestPartException m) {
            return "缺少上传的文件 (字段 " + m.getRequestPartName() + ")";
        }
        return "请求参数有误";
    }

    /** A body that is missing, not JSON, or JSON with a field of the wrong kind. */
    static String body(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof InvalidFormatException f) {
            return field(f) + " 应为" + expected(f.getTargetType()) + ", 收到 " + quoted(f.getValue());
        }
        if (cause instanceof MismatchedInputException m && m.getTargetType() != null) {
            return field(m) + " 应为" + expected(m.getTargetType());
        }
        if (cause instanceof JsonMappingException m) {
            return field(m) + " 无法读取";
        }
        if (cause instanceof JsonProcessingException p) {
            return "请求体不是有效的 JSON" + (p.getLocation() == null ? ""
                    : " (第 " + p.getLocation().getLineNr() + " 行第 " + p.getLocation().getColumnNr() + " 列)");
        }
        if (cause == null && e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            return "缺少请求体";
        }
        return "请求体无法读取 (应为 JSON)";
    }

    /** The kind of value a type takes, in words. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "正确的格式";
        }
        if (type.isEnum()) {
            return "以下之一: " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining("、"));
        }
        if (List.of(Integer.class, Long.class, Short.class, Byte.class, BigInteger.class, int.class, long.class, short.class,
                byte.class).contains(type)) {
            return "整数";
        }
        if (List.of(Double.class, Float.class, BigDecimal.class, double.class, float.class).contains(type)) {
            return "数字";
        }
        if (type == Boolean.class || type == boolean.class) {
            return " true 或 false";
        }
        if (type == LocalDate.class) {
            return "日期 (YYYY-MM-DD)";
        }
        if (type == YearMonth.class) {
            return "年月 (YYYY-MM)";
        }
        if (List.of(LocalDateTime.class, OffsetDateTime.class, Instant.class).contains(type)) {
            return "日期时间 (YYYY-MM-DDTHH:MM:SS)";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "列表 (JSON 数组)";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == Character.class || type == char.class) {
            return "文本";
        }
        return type.getName().startsWith("java.") ? "正确的格式" : " JSON 对象";
    }

    /** "字段 units[0]" — or the body itself when the whole of it is of the wrong kind. */
    private static String field(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
        return path.isEmpty() ? "请求体" : "字段 " + (path.startsWith(".") ? path.substring(1) : path);
    }

    private static String quoted(Object value) {
        String text = String.valueOf(value).replaceAll("\\p{Cntrl}", "�");
        return "“" + (text.length() > QUOTED ? text.substring(0, QUOTED) + "…" : text) + "”";
    }
}
