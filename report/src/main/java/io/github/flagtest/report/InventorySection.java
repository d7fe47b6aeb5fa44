package io.github.flagtest.report;

/** The page's view of the inventory: the sources read (and their errors) and the deployments, one per column. */
final class InventorySection {

    private InventorySection() {}

    static void render(StringBuilder html, DeployedFlags deployed) {
        html.append("<section id=\"inventory\">\n<h2>Deployed (AWS AppConfig)</h2>\n<p class=\"meta\">read ")
                .append(HtmlPage.esc(deployed.readAt.toString()))
                .append("; retirement signals after ")
                .append(deployed.retireAfterDays)
                .append(" days unchanged</p>\n<table id=\"sources\">\n<thead><tr><th>Source</th><th>Account</th>")
                .append("<th>Region</th><th>Status</th></tr></thead>\n<tbody>\n");
        for (DeployedFlags.Source source : deployed.sources) {
            html.append(source.error() == null ? "<tr>" : "<tr class=\"failed\">")
                    .append("<td>")
                    .append(HtmlPage.esc(source.name()))
                    .append("</td><td>")
                    .append(HtmlPage.esc(source.account() == null ? "–" : source.account()))
                    .append("</td><td>")
                    .append(HtmlPage.esc(source.region()))
                    .append("</td><td>")
                    .append(HtmlPage.esc(source.error() == null ? "read" : "failed: " + source.error()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n<table id=\"deployments\">\n<thead><tr><th>Column</th><th>Application</th>")
                .append("<th>Profile</th><th>Version</th><th>Deployed</th><th>Flags</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < deployed.columns.size(); i++) {
            DeployedFlags.Column column = deployed.columns.get(i);
            int index = i;
            long flags = deployed.flags.values().stream()
                    .filter(v -> v.containsKey(index))
                    .count();
            html.append("<tr><td>")
                    .append(HtmlPage.esc(column.label()))
                    .append("</td><td>")
                    .append(HtmlPage.esc(column.application()))
                    .append("</td><td>")
                    .append(HtmlPage.esc(column.profile()))
                    .append("</td><td>")
                    .append(HtmlPage.esc(column.version()))
                    .append("</td><td>")
                    .append(HtmlPage.esc(column.deployedAt().toString()))
                    .append("</td><td>")
                    .append(flags)
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        if (!deployed.repository.isEmpty()) {
            html.append("<p class=\"meta\">Drift checked against ");
            deployed.repository.forEach((environment, document) -> html.append(HtmlPage.esc(environment))
                    .append(" &rarr; <code>")
                    .append(HtmlPage.esc(document.path()))
                    .append("</code>")
                    .append(document.error() == null ? "" : " (" + HtmlPage.esc(document.error()) + ")")
                    .append(' '));
            html.append("</p>\n");
        }
        html.append("</section>\n");
    }

    /** One flag in one deployment: value, variants, attributes and since when; a dash when not deployed there. */
    static String cell(DeployedFlags.Value value) {
        if (value == null) {
            return HtmlPage.value(null);
        }
        StringBuilder cell = new StringBuilder(HtmlPage.value(value.shown()));
        if (!value.variants().isEmpty()) {
            cell.append("<br><span class=\"muted variants\">")
                    .append(HtmlPage.esc(String.join("; ", value.variants())))
                    .append("</span>");
        }
        cell.append(HtmlPage.attributes(value.attributes()));
        if (value.since() != null) {
            cell.append("<br><span class=\"since\">since ")
                    .append(HtmlPage.esc(DeployedFlags.day(value.since())))
                    .append("</span>");
        }
        return cell.toString();
    }
}
