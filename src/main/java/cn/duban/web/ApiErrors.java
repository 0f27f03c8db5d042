package cn.duban.web;

import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import cn.duban.rules.RuleBase;
import cn.duban.system.ApiException;

/** Every refusal of the API is a 4xx with {"error": "…"}; anything unexpected is a 500 without details. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
public class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, String>> api(ApiException e) {
        return error(e.status(), e.getMessage());
    }

    /** Rule files refused: the summary, and each of the compiler's problems as file, line, column and message. */
    @ExceptionHandler(RuleBase.CompileException.class)
    ResponseEntity<Map<String, Object>> rules(RuleBase.CompileException e) {
        return ResponseEntity.badRequest().body(e.problems().isEmpty() ? Map.of("error", e.getMessage())
                : Map.of("error", e.getMessage(), "problems", e.problems()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyLimit.TooLarge) {
                return error(HttpStatus.PAYLOAD_TOO_LARGE, "请求体过大");
            }
        }
        return error(HttpStatus.BAD_REQUEST, InputErrors.body(e));
    }

    @ExceptionHandler({TypeMismatchException.class, MissingServletRequestParameterException.class,
            MissingServletRequestPartException.class})
    ResponseEntity<Map<String, String>> badParameter(Exception e) {
        return error(HttpStatus.BAD_REQUEST, InputErrors.parameter(e));
    }

    @ExceptionHandler(OptimisticLockingException.class)
    ResponseEntity<Map<String, String>> concurrent(OptimisticLockingException e) {
        return error(HttpStatus.CONFLICT, "该任务刚被他人处理, 请刷新后重试");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, String>> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误");
    }

    static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}
