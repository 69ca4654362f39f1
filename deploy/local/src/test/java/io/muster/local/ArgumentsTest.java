package io.muster.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArgumentsTest {

    @Test
    void requiredAndOptionalArgumentsAreCountedFromTheUsage() {
        String usage = "Drill <state-dir> [stage-seconds] [lead-seconds]";
        Arguments one = Arguments.parse(new String[] {"/tmp/s"}, usage);
        assertThat(one.path(0).toString()).isEqualTo("/tmp/s");
        assertThat(one.number(1, 20)).isEqualTo(20);
        assertThat(one.has(1)).isFalse();
        Arguments three = Arguments.parse(new String[] {"/tmp/s", "5", "7"}, usage);
        assertThat(three.number(1, 20)).isEqualTo(5);
        assertThat(three.number(2, 60)).isEqualTo(7);

        assertThatThrownBy(() -> Arguments.parse(new String[] {}, usage)).hasMessage("usage: " + usage);
        assertThatThrownBy(() -> Arguments.parse(new String[] {"a", "1", "2", "3"}, usage))
                .hasMessage("usage: " + usage);
    }

    @Test
    void aLastRepeatedArgumentTakesTheRest() {
        String usage = "LocalPostgres <data-dir> <port> <database>...";
        Arguments args = Arguments.parse(new String[] {"/d", "15432", "one", "two"}, usage);
        assertThat(args.number(1, 0)).isEqualTo(15432);
        assertThat(args.from(2)).containsExactly("one", "two");
        assertThatThrownBy(() -> Arguments.parse(new String[] {"/d", "15432"}, usage)).hasMessage("usage: " + usage);
    }

    @Test
    void aNumberThatIsNotOneIsRefusedWithTheUsage() {
        Arguments args = Arguments.parse(new String[] {"/d", "soon"}, "Demo <state-dir> [stage-seconds]");
        assertThatThrownBy(() -> args.number(1, 30))
                .hasMessage("usage: Demo <state-dir> [stage-seconds] (not a whole number: soon)");
    }
}
