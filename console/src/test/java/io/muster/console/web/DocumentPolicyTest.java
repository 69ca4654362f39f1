package io.muster.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentPolicyTest {

    @Test
    void theDocumentsOwnStyleSheetIsAllowedByItsHashAndNothingElseInline() {
        String html = "<html><head><style>body { color: red; }\n</style></head><body></body></html>";

        // printf 'body { color: red; }\n' | openssl dgst -sha256 -binary | base64
        assertThat(DocumentPolicy.styleHashes(html))
                .containsExactly("'sha256-l2fpHp1LAzTlmh04npgBvGosXEpVAKPCx5FWh5ZbLBY='");
        String policy = DocumentPolicy.forDocument(html);
        assertThat(policy).contains("style-src 'self' 'sha256-l2fpHp1LAzTlmh04npgBvGosXEpVAKPCx5FWh5ZbLBY=';")
                .contains("script-src 'self';").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
    }

    @Test
    void aDocumentWithoutStylesGetsTheConsolesOwnStyleRule() {
        assertThat(DocumentPolicy.styleHashes("<p>plain</p>")).isEmpty();
        assertThat(DocumentPolicy.forDocument("<p>plain</p>")).contains("style-src 'self';");
    }

    @Test
    void everyStyleElementIsHashedInOrder() {
        String html = "<style media=\"print\">a{}</style><p>x</p><style>b{}</style>";
        assertThat(DocumentPolicy.styleHashes(html)).hasSize(2).doesNotHaveDuplicates();
    }
}
