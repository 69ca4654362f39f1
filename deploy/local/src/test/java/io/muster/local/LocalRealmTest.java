package io.muster.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRealmTest {

    static final Path PRODUCTION = Path.of("../base/keycloak/realm-muster.json");
    final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path keys;

    @Test
    void theLocalRealmKeepsTheProductionRolesScopesAndServiceAccounts() throws Exception {
        JsonNode production = json.readTree(PRODUCTION.toFile());
        JsonNode local = LocalRealm.localRealm(production, keys);

        assertThat(local.path("realm").asText()).isEqualTo("muster");
        assertThat(local.path("roles")).isEqualTo(production.path("roles"));
        assertThat(local.path("clientScopes")).isEqualTo(production.path("clientScopes"));
        assertThat(client(local, "muster").path("bearerOnly").asBoolean()).isTrue();
        assertThat(users(local)).contains("service-account-muster-gameday", "service-account-siem-integration",
                "admin", "responder", "viewer");
    }

    @Test
    void theConsoleIsAConfidentialClientOnLocalhostWithTheMusterAudience() throws Exception {
        JsonNode console = client(LocalRealm.localRealm(json.readTree(PRODUCTION.toFile()), keys), "muster-console");

        assertThat(console.path("publicClient").asBoolean()).isFalse();
        assertThat(console.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(console.path("secret").asText()).isEqualTo(Files.readString(keys.resolve("console-client-secret")));
        assertThat(console.path("redirectUris").toString()).isEqualTo("[\"http://localhost:8085/*\"]");
        assertThat(console.path("attributes").path("post.logout.redirect.uris").asText())
                .isEqualTo("http://localhost:8085/*");
        assertThat(console.path("webOrigins").toString()).isEqualTo("[\"http://localhost:8085\"]");
        assertThat(console.path("defaultClientScopes").toString()).contains("\"muster-audience\"", "\"roles\"");
    }

    @Test
    void secretsAndPasswordsAreMadeOncePerStateDirectoryAndReadableByTheOwnerOnly() throws Exception {
        JsonNode production = json.readTree(PRODUCTION.toFile());
        JsonNode first = LocalRealm.localRealm(production, keys);
        JsonNode again = LocalRealm.localRealm(production, keys);

        assertThat(again).isEqualTo(first);
        for (String name : List.of("console-client-secret", "gameday-client-secret", "siem-integration-client-secret",
                "password-admin", "password-responder", "password-viewer")) {
            assertThat(Files.readString(keys.resolve(name))).hasSizeGreaterThanOrEqualTo(40);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(name))))
                    .isEqualTo("rw-------");
        }
        assertThat(client(first, "muster-gameday").path("secret").asText())
                .isEqualTo(Files.readString(keys.resolve("gameday-client-secret")))
                .isNotEqualTo(client(first, "siem-integration").path("secret").asText());
        JsonNode otherRun = LocalRealm.localRealm(production, keys.resolve("other"));
        assertThat(client(otherRun, "muster-gameday").path("secret").asText())
                .isNotEqualTo(client(first, "muster-gameday").path("secret").asText());
    }

    @Test
    void demoUsersHoldEveryRoleTheyMayUseAndTheEmailOfADemoPerson() throws Exception {
        JsonNode local = LocalRealm.localRealm(json.readTree(PRODUCTION.toFile()), keys);
        String directory = Files.readString(Path.of("demo/directory.json"));
        for (JsonNode user : local.path("users")) {
            if (user.has("serviceAccountClientId")) {
                continue;
            }
            assertThat(directory).contains("\"" + user.path("email").asText() + "\"");
            assertThat(user.path("credentials").get(0).path("value").asText())
                    .isEqualTo(Files.readString(keys.resolve("password-" + user.path("username").asText())));
        }
        assertThat(user(local, "admin").path("realmRoles").toString())
                .isEqualTo("[\"muster-admin\",\"muster-responder\",\"muster-viewer\"]");
        assertThat(user(local, "responder").path("realmRoles").toString())
                .isEqualTo("[\"muster-responder\",\"muster-viewer\"]");
        assertThat(user(local, "viewer").path("realmRoles").toString()).isEqualTo("[\"muster-viewer\"]");
    }

    @Test
    void theCommandLineClientsGrantByPasswordAndOnlyTheAudienceOneCarriesMuster() throws Exception {
        JsonNode local = LocalRealm.localRealm(json.readTree(PRODUCTION.toFile()), keys);
        for (String id : List.of("muster-cli", "muster-cli-short-lived", "muster-cli-other-audience")) {
            assertThat(client(local, id).path("directAccessGrantsEnabled").asBoolean()).isTrue();
            assertThat(client(local, id).path("publicClient").asBoolean()).isTrue();
        }
        assertThat(client(local, "muster-cli").path("defaultClientScopes").toString()).contains("muster-audience");
        assertThat(client(local, "muster-cli-other-audience").path("defaultClientScopes").toString())
                .doesNotContain("muster-audience");
        assertThat(client(local, "muster-cli-short-lived").path("attributes").path("access.token.lifespan").asText())
                .isEqualTo("2");
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode c : realm.path("clients")) {
            if (c.path("clientId").asText().equals(clientId)) {
                return c;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    private static JsonNode user(JsonNode realm, String username) {
        for (JsonNode u : realm.path("users")) {
            if (u.path("username").asText().equals(username)) {
                return u;
            }
        }
        throw new AssertionError("no user " + username);
    }

    private static List<String> users(JsonNode realm) {
        List<String> names = new ArrayList<>();
        realm.path("users").forEach(u -> names.add(u.path("username").asText()));
        return names;
    }
}
