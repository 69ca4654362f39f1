package io.muster.escalation.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.muster.escalation.service.PlanDocumentModel.Bullets;
import io.muster.escalation.service.PlanDocumentModel.Document;
import io.muster.escalation.service.PlanDocumentModel.Fact;
import io.muster.escalation.service.PlanDocumentModel.Heading;
import io.muster.escalation.service.PlanDocumentModel.Paragraph;
import io.muster.escalation.service.PlanDocumentModel.Section;
import io.muster.escalation.service.PlanDocumentModel.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanDocumentRendererTest {

    private static final String SCRIPT = "<script>alert('x')</script>";

    private static Document doc() {
        return new Document("Plan & <b>more</b>", List.of(new Fact("Version", "3")), List.of(
                new Section("overview", "Team overview", List.of(
                        new Paragraph("First line " + SCRIPT + "\nsecond line\n\n- not a list item\n1. nor this"))),
                new Section("roles", "Roles | responsibilities", List.of(
                        new Heading("raci", "RACI"),
                        new Table(List.of("Role", "Detect"), List.of(List.of(SCRIPT + " | *x*", "R/A")), "none"),
                        new Table(List.of("Empty"), List.of(), "Nothing <here>"),
                        new Bullets(List.of("[link](javascript:x)"), "none")))));
    }

    @Test
    void htmlEscapesEveryValueAndLinksTheContentsToSectionIds() {
        String html = PlanDocumentRenderer.html(doc());
        assertThat(html).doesNotContain("<script>").doesNotContain("<b>more</b>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("<title>Plan &amp; &lt;b&gt;more&lt;/b&gt;</title>")
                .contains("<a href=\"#overview\">Team overview</a>")
                .contains("<section class=\"major\" id=\"roles\">")
                .contains("<h3 id=\"raci\">RACI</h3>")
                .contains("First line &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;<br>\nsecond line</p>")
                .contains("<p class=\"empty\">Nothing &lt;here&gt;</p>")
                .contains("@page { size: A4;").contains("break-before: page");
    }

    @Test
    void markdownEscapesMarkupSoUserTextStaysText() {
        String md = PlanDocumentRenderer.markdown(doc());
        assertThat(md).startsWith("# Plan \\& \\<b\\>more\\</b\\>\n")
                .contains("1. [Team overview](#overview)\n2. [Roles \\| responsibilities](#roles)\n")
                .contains("<a id=\"overview\"></a>\n\n## 1. Team overview\n")
                .contains("| \\<script\\>alert('x')\\</script\\> \\| \\*x\\* | R/A |")
                .contains("First line \\<script\\>alert('x')\\</script\\>\\\nsecond line\n")
                .contains("\n\\- not a list item\\\n1\\. nor this\n")
                .contains("- \\[link\\](javascript:x)\n")
                .contains("_Nothing \\<here\\>_");
        assertThat(md).doesNotContain("<script>");
    }

    @Test
    void theSameDocumentAlwaysRendersTheSame() {
        assertThat(PlanDocumentRenderer.markdown(doc())).isEqualTo(PlanDocumentRenderer.markdown(doc()));
        assertThat(PlanDocumentRenderer.html(doc())).isEqualTo(PlanDocumentRenderer.html(doc()));
    }
}
