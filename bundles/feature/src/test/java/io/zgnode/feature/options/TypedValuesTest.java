package io.zgnode.feature.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TypedValuesTest {

    @Test
    void textTakesTheTypeOfTheValueItReplaces() {
        assertThat(TypedValues.like(8545, " 8546 ")).isEqualTo(8546);
        assertThat(TypedValues.like(1L, "67108864")).isEqualTo(67108864L);
        assertThat(TypedValues.like(0.5, "1.5")).isEqualTo(1.5);
        assertThat(TypedValues.like(false, "TRUE")).isEqualTo(true);
        assertThat((String[]) TypedValues.like(new String[0], "a, b,,c")).containsExactly("a", "b", "c");
        assertThat(TypedValues.like("x", "8546")).isEqualTo("8546");
        assertThat(TypedValues.like(null, "8546")).isEqualTo("8546");
    }

    @Test
    void textThatDoesNotFitIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> TypedValues.like(1, "many")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'many' is not a number, and the value it replaces is");
        assertThatThrownBy(() -> TypedValues.like(true, "yes")).hasMessage("'yes' is not true or false, and the value it replaces is");
    }
}
