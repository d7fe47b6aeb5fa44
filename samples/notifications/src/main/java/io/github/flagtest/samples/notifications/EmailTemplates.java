package io.github.flagtest.samples.notifications;

/** The three e-mail layouts of the "email-template" flag. */
final class EmailTemplates {

    private EmailTemplates() {}

    static String render(String template, Notification n) {
        return switch (template) {
            case "compact" -> "<p>" + n.text() + "</p>";
            case "rich" ->
                "<h1>" + n.subject() + "</h1><p>" + n.text() + "</p><footer>Thanks for shopping with us</footer>";
            default -> "<p>Hello,</p><p>" + n.text() + "</p>";
        };
    }

    /** Which layout {@code html} was rendered with, for the log. */
    static String layout(String html) {
        return html.contains("<footer>") ? "rich" : html.startsWith("<p>Hello,") ? "classic" : "compact";
    }
}
