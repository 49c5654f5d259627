package io.zgnode.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OutputTest {

    private final StringWriter text = new StringWriter();

    @Test
    void textModePrintsLinesAndNoJson() {
        Output output = new Output(false, new PrintWriter(text));
        output.line("Address: %s", "0x01");
        output.json(Map.of("address", "0x01"));
        output.finish();
        assertThat(text.toString()).isEqualTo("Address: 0x01" + System.lineSeparator());
    }

    @Test
    void jsonModePrintsOneObjectOnOneLineAndNoText() {
        Output output = new Output(true, new PrintWriter(text));
        output.line("Address: %s", "0x01");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("b", 1);
        result.put("a", List.of("x"));
        result.put("none", null);
        output.json(result);
        output.finish();
        assertThat(text.toString()).isEqualTo("{\"b\":1,\"a\":[\"x\"]}" + System.lineSeparator());
    }

    @Test
    void jsonModeAllowsExactlyOneObject() {
        Output output = new Output(true, new PrintWriter(text));
        assertThatThrownBy(output::finish).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> output.json(List.of(1))).isInstanceOf(IllegalStateException.class);
        output.json(Map.of("a", 1));
        assertThatThrownBy(() -> output.json(Map.of("b", 2))).isInstanceOf(IllegalStateException.class);
        assertThat(text.toString()).isEqualTo("{\"a\":1}" + System.lineSeparator());
    }
}
