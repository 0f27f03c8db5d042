package cn.duban.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import cn.duban.lookback.LookBackPages;
import cn.duban.notify.NotificationPages;
import cn.duban.plan.PlanPages;
import cn.duban.report.DashboardPage;
import cn.duban.system.ApiException;
import cn.duban.workflow.ReviewPages;
import cn.duban.workflow.TaskPages;
import jakarta.servlet.http.HttpServletResponse;

/** A page request that is refused shows the reason on the error page, with the status (403, 404…). */
@ControllerAdvice(assignableTypes = {TaskPages.class, ReviewPages.class, PlanPages.class, LookBackPages.class,
        DashboardPage.class, NotificationPages.class, AdminPages.class, AccountPages.class, Downloads.class})
class PageErrors {

    @ExceptionHandler(IllegalArgumentException.class)
    String invalid(IllegalArgumentException e, Model model, HttpServletResponse response) {
        return refused(ApiException.badRequest(e.getMessage()), model, response);
    }

    @ExceptionHandler(ApiException.class)
    String refused(ApiException e, Model model, HttpServletResponse response) {
        response.setStatus(e.status().value());
        model.addAttribute("status", e.status().value());
        model.addAttribute("message", e.getMessage());
        return "error";
    }
}
