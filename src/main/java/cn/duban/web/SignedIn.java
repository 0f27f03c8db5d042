package cn.duban.web;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import cn.duban.org.UserAccount;
import cn.duban.security.Caller;

/** The signed-in user as every page shows them: in the page's model as {@code me}, for the header and the menus. */
@Component
public class SignedIn {

    private final Caller caller;

    public SignedIn(Caller caller) {
        this.caller = caller;
    }

    /** The caller, put into the page's model. */
    public UserAccount into(Model model) {
        UserAccount user = caller.current();
        model.addAttribute("me", user);
        return user;
    }

    /** The caller, for a page action that renders no page of its own. */
    public UserAccount user() {
        return caller.current();
    }
}
