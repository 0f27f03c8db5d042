package cn.duban.web;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;

import cn.duban.lookback.LookBackPages;
import cn.duban.org.AccountPages;
import cn.duban.org.DirectoryPages;
import cn.duban.notify.NotificationPages;
import cn.duban.plan.PlanPages;
import cn.duban.report.DashboardPage;
import cn.duban.report.Downloads;
import cn.duban.report.LedgerPages;
import cn.duban.rules.RulesPages;
import cn.duban.system.ApiException;
import cn.duban.workflow.ReviewPages;
import cn.duban.workflow.SupervisionPages;
import cn.duban.workflow.TaskFormPages;
import cn.duban.workflow.TaskPages;
import jakarta.servlet.http.HttpServletRequest;

/** A page request that is refused shows the reason on the error page, with the status (400, 403, 404…). */
@ControllerAdvice(assignableTypes = {TaskPages.class, TaskFormPages.class, SupervisionPages.class, ReviewPages.class, PlanPages.class, LookBackPages.class,
        DashboardPage.class, NotificationPages.class, DirectoryPages.class, RulesPages.class, LedgerPages.class,
        AccountPages.class, Downloads.class})
class PageErrors {

    private final ErrorPage page;

    PageErrors(ErrorPage page) {
        this.page = page;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ModelAndView invalid(IllegalArgumentException e, HttpServletRequest request) {
        return refused(ApiException.badRequest(e.getMessage()), request);
    }

    @ExceptionHandler({TypeMismatchException.class, MissingServletRequestParameterException.class,
            MissingServletRequestPartException.class})
    ModelAndView badParameter(Exception e, HttpServletRequest request) {
        return page.view(request, HttpStatus.BAD_REQUEST, InputErrors.parameter(e));
    }

    @ExceptionHandler(ApiException.class)
    ModelAndView refused(ApiException e, HttpServletRequest request) {
        return page.view(request, e.status(), e.getMessage());
    }
}
