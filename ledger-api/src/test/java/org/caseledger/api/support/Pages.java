package org.caseledger.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** A paged list read whole: every page, following the Link header, its entries in one array. */
public final class Pages {

    private Pages() {
    }

    public static ArrayNode all(LedgerHttp http, String first) {
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        for (String path = first; path != null; ) {
            LedgerHttp.Response page = http.get(path);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().forEach(all::add);
            path = page.nextPage();
        }
        return all;
    }
}
