package io.muster.platform.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.muster.platform.problem.Problem;
import io.muster.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestBodyScreenTest {

    private static Problem.FieldError refusal(String json, int limit) {
        ProblemException e = catchThrowableOfType(ProblemException.class,
                () -> RequestBodyScreen.screen(json.getBytes(StandardCharsets.UTF_8), limit));
        assertThat(e).as("refused: %s", json).isNotNull();
        assertThat(e.problem().status()).isEqualTo(400);
        assertThat(e.problem().errors()).hasSize(1);
        return e.problem().errors().get(0);
    }

    private static Problem.FieldError refusal(String json) {
        return refusal(json, RequestBodyScreen.DEFAULT_ARRAY_LIMIT);
    }

    @Test
    void aNulInANestedValueIsRefusedNamingItsPath() {
        Problem.FieldError e = refusal("{\"stages\":[{\"name\":\"ok\"},{\"name\":\"a\\u0000b\"}]}");
        assertThat(e.field()).isEqualTo("stages[1].name");
        assertThat(e.message()).contains("NUL");
    }

    @Test
    void aNulInAnArrayOfStringsNamesTheItem() {
        assertThat(refusal("{\"skills\":[\"java\",\"go\",\"\\u0000\"]}").field()).isEqualTo("skills[2]");
    }

    @Test
    void unpairedSurrogatesAreRefusedButPairsPass() throws Exception {
        assertThat(refusal("{\"title\":\"x\\ud800\"}").field()).isEqualTo("title");
        assertThat(refusal("{\"title\":\"\\udc00x\"}").field()).isEqualTo("title");
        assertThat(refusal("{\"title\":\"\\ud83d\\ud83d\"}").message()).contains("unpaired surrogate");
        assertThatCode(() -> RequestBodyScreen.screen("{\"title\":\"fire \\ud83d\\udd25 \u00e9\"}"
                .getBytes(StandardCharsets.UTF_8), 10)).doesNotThrowAnyException();
    }

    @Test
    void aNulInAKeyIsRefusedWithTheKeyEscaped() {
        Problem.FieldError e = refusal("{\"a\":{\"ti\\u0000tle\":1}}");
        assertThat(e.field()).isEqualTo("a.ti\\u0000tle");
        assertThat(e.message()).startsWith("field name");
    }

    @Test
    void aKeyGivenTwiceInOneObjectIsRefusedNamingIt() {
        assertThat(refusal("{\"title\":\"a\",\"severity\":\"LOW\",\"title\":\"b\"}").field()).isEqualTo("title");
        assertThat(refusal("{\"channels\":[{\"type\":\"SMS\"},{\"type\":\"SMS\",\"type\":\"EMAIL\"}]}").field())
                .isEqualTo("channels[1].type");
    }

    @Test
    void theSameKeyInSiblingObjectsIsNotADuplicate() {
        assertThatCode(() -> RequestBodyScreen.screen("{\"a\":{\"x\":1},\"b\":{\"x\":1},\"c\":[{\"x\":1},{\"x\":2}]}"
                .getBytes(StandardCharsets.UTF_8), 10)).doesNotThrowAnyException();
    }

    @Test
    void anArrayLongerThanTheLimitIsRefusedNamingTheArray() throws Exception {
        assertThat(refusal("{\"drillFaults\":{\"downChannels\":[1,2,3,4]}}", 3))
                .isEqualTo(new Problem.FieldError("drillFaults.downChannels", "must have at most 3 items"));
        assertThat(refusal("{\"people\":[{},{},[],{}]}", 3).field()).isEqualTo("people");
        assertThat(refusal("[1,2,3,4]", 3).field()).isEqualTo("body");
        RequestBodyScreen.screen("{\"people\":[{},{},{}],\"teams\":[1,2,3]}".getBytes(StandardCharsets.UTF_8), 3);
    }

    @Test
    void deepNestingIsRefusedBeforeAnyBinderSeesIt() {
        int levels = 10_000;
        Problem.FieldError e = refusal("[".repeat(levels) + "]".repeat(levels));
        assertThat(e.field()).isEqualTo("body");
        assertThatCode(() -> RequestBodyScreen.screen(("[".repeat(RequestBodyScreen.MAX_DEPTH)
                + "]".repeat(RequestBodyScreen.MAX_DEPTH)).getBytes(StandardCharsets.UTF_8), 10))
                .doesNotThrowAnyException();
    }

    @Test
    void malformedJsonIsLeftForTheBinderToReport() {
        assertThatCode(() -> RequestBodyScreen.screen("{\"title\": ".getBytes(StandardCharsets.UTF_8), 10))
                .doesNotThrowAnyException();
        assertThatCode(() -> RequestBodyScreen.screen("{not json".getBytes(StandardCharsets.UTF_8), 10))
                .doesNotThrowAnyException();
        assertThatCode(() -> RequestBodyScreen.screen(new byte[0], 10)).doesNotThrowAnyException();
        // What comes before the break is still screened.
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> RequestBodyScreen.screen(
                "{\"a\":1,\"a\":2,".getBytes(StandardCharsets.UTF_8), 10));
        assertThat(e.problem().errors()).extracting(Problem.FieldError::field).containsExactly("a");
    }

    @Test
    void textBodiesAreHeldToTheSameRuleNamingTheLine() {
        ProblemException e = catchThrowableOfType(ProblemException.class,
                () -> RequestBodyScreen.screenText("ref,displayName\nada,Ada\nbob,B\u0000b\n"));
        assertThat(e.problem().errors()).containsExactly(
                new Problem.FieldError("body", "line 3 must not contain the NUL character (U+0000)"));
        assertThatCode(() -> RequestBodyScreen.screenText("ref,displayName\nada,Ad\u200ba\n"))
                .doesNotThrowAnyException();
    }
}
