package cn.duban.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 登录: the sign-in form, with how long a locked-out account waits. */
@Controller
public class LoginPage {

    private final LoginAttempts loginAttempts;

    public LoginPage(LoginAttempts loginAttempts) {
        this.loginAttempts = loginAttempts;
    }

    @GetMapping("/login")
    public String login(Model model) {
        model.addAttribute("lockMinutes", loginAttempts.windowMinutes());
        return "login";
    }
}
