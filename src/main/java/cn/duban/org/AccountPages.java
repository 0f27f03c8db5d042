package cn.duban.org;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.duban.system.ApiException;
import cn.duban.web.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** 我的账户: who the caller is, and a form to change their own password (the same checks as the API). */
@Controller
public class AccountPages {

    private final SignedIn signedIn;
    private final OwnPassword ownPassword;
    private final Users accounts;

    public AccountPages(SignedIn signedIn, OwnPassword ownPassword, Users accounts) {
        this.signedIn = signedIn;
        this.ownPassword = ownPassword;
        this.accounts = accounts;
    }

    @GetMapping("/account")
    public String account(Model model) {
        signedIn.into(model);
        model.addAttribute("minLength", accounts.minLength());
        return "account";
    }

    /** Changes the caller's password; a refusal is shown in place on the page. */
    @PostMapping("/account/password")
    public String changePassword(@RequestParam(required = false) String current, @RequestParam(required = false) String password,
                                 @RequestParam(required = false) String repeat, HttpServletRequest request,
                                 HttpServletResponse response, Model model) {
        try {
            if (password != null && !password.equals(repeat)) {
                throw ApiException.badRequest("两次输入的新密码不一致");
            }
            ownPassword.change(signedIn.user(), current, password, request.getRemoteAddr());
        } catch (ApiException e) {
            response.setStatus(e.status() == HttpStatus.TOO_MANY_REQUESTS ? e.status().value() : HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.getMessage());
            return account(model);
        }
        return "redirect:/account?saved";
    }
}
