package io.muster.escalation.service;

import io.muster.escalation.service.PlanDocumentModel.Block;
import io.muster.escalation.service.PlanDocumentModel.Bullets;
import io.muster.escalation.service.PlanDocumentModel.Document;
import io.muster.escalation.service.PlanDocumentModel.Fact;
import io.muster.escalation.service.PlanDocumentModel.Heading;
import io.muster.escalation.service.PlanDocumentModel.Paragraph;
import io.muster.escalation.service.PlanDocumentModel.Section;
import io.muster.escalation.service.PlanDocumentModel.Table;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes the plan document as Markdown and as a printable HTML page. Pure: the same document always gives the same
 * text, so two published versions differ only where the plan did. Every value is user input and is escaped for the
 * format (HTML entities; Markdown backslash escapes, which also keep a viewer from rendering raw HTML).
 */
public final class PlanDocumentRenderer {

    private static final Pattern LIST_MARKER = Pattern.compile("^(\\s*)([-+]|\\d+[.)])(\\s|$)");

    private PlanDocumentRenderer() {
    }

    public static String markdown(Document doc) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(mdInline(doc.title())).append("\n\n");
        for (Fact fact : doc.facts()) {
            md.append("- **").append(mdInline(fact.label())).append(":** ").append(mdInline(fact.value()))
                    .append('\n');
        }
        md.append("\n## Contents\n\n");
        int n = 1;
        for (Section section : doc.sections()) {
            md.append(n++).append(". [").append(mdInline(section.title())).append("](#").append(section.id())
                    .append(")\n");
        }
        n = 1;
        for (Section section : doc.sections()) {
            md.append("\n<a id=\"").append(section.id()).append("\"></a>\n\n## ").append(n++).append(". ")
                    .append(mdInline(section.title())).append("\n");
            for (Block block : section.blocks()) {
                md.append('\n');
                markdownBlock(md, block);
            }
        }
        return md.toString();
    }

    private static void markdownBlock(StringBuilder md, Block block) {
        if (block instanceof Paragraph p) {
                String[] lines = p.text().strip().split("\r?\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    String line = lines[i].strip();
                    boolean last = i == lines.length - 1 || lines[i + 1].isBlank();
                    md.append(mdLine(line));
                    // A backslash at the end of a line is CommonMark's hard line break.
                    md.append(line.isEmpty() || last ? "" : "\\").append('\n');
                }
        } else if (block instanceof Heading h) {
            md.append("<a id=\"").append(h.id()).append("\"></a>\n\n### ").append(mdInline(h.text()))
                    .append('\n');
        } else if (block instanceof Table t) {
                if (t.rows().isEmpty()) {
                    md.append('_').append(mdInline(t.empty())).append("_\n");
                    return;
                }
                md.append('|');
                t.headers().forEach(h -> md.append(' ').append(mdCell(h)).append(" |"));
                md.append("\n|");
                t.headers().forEach(h -> md.append(" --- |"));
                md.append('\n');
                for (List<String> row : t.rows()) {
                    md.append('|');
                    row.forEach(cell -> md.append(' ').append(mdCell(cell)).append(" |"));
                    md.append('\n');
                }
        } else if (block instanceof Bullets b) {
                if (b.items().isEmpty()) {
                    md.append('_').append(mdInline(b.empty())).append("_\n");
                    return;
                }
                b.items().forEach(item -> md.append("- ").append(mdInline(item)).append('\n'));
        }
    }

    /** Escapes the characters Markdown gives meaning to inside a line (and '<', '&' so no HTML gets through). */
    static String mdInline(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '&', '~', '!' -> out.append('\\').append(c);
                case '\r', '\n', '\t' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A line of a paragraph: inline escapes, and a leading list marker escaped so it stays text. */
    private static String mdLine(String line) {
        String escaped = mdInline(line);
        var m = LIST_MARKER.matcher(escaped);
        if (m.find()) {
            String marker = m.group(2);
            String kept = marker.length() == 1 ? "\\" + marker
                    : marker.substring(0, marker.length() - 1) + "\\" + marker.charAt(marker.length() - 1);
            return m.group(1) + kept + escaped.substring(m.end(2));
        }
        return escaped;
    }

    private static String mdCell(String text) {
        String cell = mdInline(text);
        return cell.isBlank() ? " " : cell;
    }

    public static String html(Document doc) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(doc.title())).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        h.append("<div class=\"toolbar\" role=\"navigation\"><a href=\"?format=markdown\">Markdown</a>")
                .append(" <button type=\"button\" onclick=\"window.print()\">Print</button></div>\n");
        h.append("<header>\n<h1>").append(esc(doc.title())).append("</h1>\n<dl class=\"facts\">\n");
        for (Fact fact : doc.facts()) {
            h.append("<dt>").append(esc(fact.label())).append("</dt><dd>").append(esc(fact.value()))
                    .append("</dd>\n");
        }
        h.append("</dl>\n</header>\n<nav class=\"toc\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n");
        for (Section section : doc.sections()) {
            h.append("<li><a href=\"#").append(section.id()).append("\">").append(esc(section.title()))
                    .append("</a></li>\n");
        }
        h.append("</ol>\n</nav>\n<main>\n");
        int n = 1;
        for (Section section : doc.sections()) {
            h.append("<section class=\"major\" id=\"").append(section.id()).append("\">\n<h2>").append(n++)
                    .append(". ").append(esc(section.title())).append("</h2>\n");
            for (Block block : section.blocks()) {
                htmlBlock(h, block);
            }
            h.append("</section>\n");
        }
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void htmlBlock(StringBuilder h, Block block) {
        if (block instanceof Paragraph p) {
                for (String para : p.text().strip().split("\r?\n\\s*\r?\n")) {
                    h.append("<p>").append(esc(para.strip()).replaceAll("\r?\n", "<br>\n")).append("</p>\n");
                }
        } else if (block instanceof Heading hd) {
            h.append("<h3 id=\"").append(hd.id()).append("\">").append(esc(hd.text())).append("</h3>\n");
        } else if (block instanceof Table t) {
                if (t.rows().isEmpty()) {
                    h.append("<p class=\"empty\">").append(esc(t.empty())).append("</p>\n");
                    return;
                }
                h.append("<table>\n<thead><tr>");
                t.headers().forEach(x -> h.append("<th scope=\"col\">").append(esc(x)).append("</th>"));
                h.append("</tr></thead>\n<tbody>\n");
                for (List<String> row : t.rows()) {
                    h.append("<tr>");
                    row.forEach(cell -> h.append("<td>").append(esc(cell)).append("</td>"));
                    h.append("</tr>\n");
                }
                h.append("</tbody>\n</table>\n");
        } else if (block instanceof Bullets b) {
                if (b.items().isEmpty()) {
                    h.append("<p class=\"empty\">").append(esc(b.empty())).append("</p>\n");
                    return;
                }
                h.append("<ul>\n");
                b.items().forEach(item -> h.append("<li>").append(esc(item)).append("</li>\n"));
                h.append("</ul>\n");
        }
    }

    /** HTML text and attribute escaping. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Screen: a readable column. Print: A4, each major section on a new page, no toolbar, tables that split cleanly. */
    private static final String STYLE = """
            :root { color-scheme: light; }
            * { box-sizing: border-box; }
            body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1b1f24;
                   margin: 0 auto; padding: 16px 24px 48px; max-width: 210mm; overflow-wrap: anywhere; }
            h1 { font-size: 1.8em; margin: 0.4em 0; }
            h2 { font-size: 1.35em; border-bottom: 2px solid #d0d7de; padding-bottom: 0.2em; margin-top: 1.6em; }
            h3 { font-size: 1.1em; margin-top: 1.3em; }
            a { color: #0a5bb5; }
            .toolbar { display: flex; gap: 12px; justify-content: flex-end; font-size: 0.9em; }
            .facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0 0 1em; }
            .facts dt { font-weight: 600; }
            .facts dd { margin: 0; }
            .toc ol { padding-left: 1.6em; }
            table { width: 100%; border-collapse: collapse; margin: 0.6em 0 1em; font-size: 0.88em; }
            th, td { border: 1px solid #c4cbd3; padding: 4px 6px; text-align: left; vertical-align: top;
                     overflow-wrap: anywhere; word-break: break-word; }
            thead th { background: #eef1f4; }
            tbody tr:nth-child(even) td { background: #f8f9fa; }
            .empty { color: #57606a; font-style: italic; }
            @page { size: A4; margin: 16mm 14mm 18mm; }
            @media print {
              body { font-size: 10.5pt; max-width: none; padding: 0; }
              .toolbar { display: none; }
              a { color: inherit; text-decoration: none; }
              section.major { break-before: page; }
              h2, h3 { break-after: avoid; }
              table { font-size: 9pt; }
              thead { display: table-header-group; }
              tr, td, th { break-inside: avoid; }
              tbody tr:nth-child(even) td { background: none; }
            }
            """;
}
