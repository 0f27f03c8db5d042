package cn.duban.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Requests no controller takes — an unknown path, a method or content type the endpoint does not accept, an upload
 * over the limit or not a multipart body: the API answers {"error": "…"} with the status, pages show the error page.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class RequestErrors {

    private final ErrorPage page;

    RequestErrors(ErrorPage page) {
        this.page = page;
    }

    @ExceptionHandler({NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class,
            HttpMediaTypeNotSupportedException.class, MultipartException.class})
    Object refused(Exception e, HttpServletRequest request) {
        HttpStatus status;
        String message;
        if (e instanceof MaxUploadSizeExceededException) {
            status = HttpStatus.PAYLOAD_TOO_LARGE;
            message = "上传文件过大";
        } else if (e instanceof MultipartException) {
            status = HttpStatus.BAD_REQUEST;
            message = "须以 multipart/form-data 上传文件 (字段 file)";
        } else if (e instanceof HttpMediaTypeNotSupportedException m) {
            status = HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            message = "不支持的内容类型: " + m.getContentType() + " (应为 " + m.getSupportedMediaTypes() + ")";
        } else if (e instanceof HttpRequestMethodNotSupportedException m) {
            status = HttpStatus.METHOD_NOT_ALLOWED;
            message = "不支持的请求方法: " + m.getMethod();
        } else {
            status = HttpStatus.NOT_FOUND;
            message = "不存在: " + request.getRequestURI();
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return ApiErrors.error(status, message);
        }
        return page.view(request, status, message);
    }
}
