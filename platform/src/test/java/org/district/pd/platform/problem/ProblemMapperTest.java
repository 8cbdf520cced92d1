package org.district.pd.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.List;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.district.pd.platform.web.StorableText;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class ProblemMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static {
        new StorableText().customize(JSON);
    }
    private static final UriInfo URI = (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(),
            new Class<?>[] { UriInfo.class }, (proxy, method, args) -> "/api/v1/things");
    private static final List<String> INTERNALS = List.of("Exception", "java.", "com.fasterxml", "ProblemMapperTest",
            "Cannot deserialize", "Unexpected character", "token", "Batch", "Item");

    record Item(int count, LocalDate day, boolean done, String note) {
    }

    record Batch(List<Item> items) {
    }

    private final ProblemMapper mapper = new ProblemMapper(new ObjectMapper());

    @Test
    void malformedJsonSaysWhereButNotWhatTheParserThought() {
        String problem = problem("{\"items\": [ {\"count\": 1,, } ]}");
        assertThat(problem).contains("\"title\":\"Malformed JSON\"", "The body is not valid JSON (line 1, column ");
        assertNoInternals(problem);
        assertNoInternals(problem("{\"items\": [ {\"count\": 1"));
        assertNoInternals(problem("\u0000\u0001"));
    }

    @Test
    void aWrongTypeNamesTheFieldAndWhatItMustBe() {
        String problem = problem("{\"items\": [ {\"count\": 1}, {\"count\": \"ten\"} ]}");
        assertThat(problem).contains("\"field\":\"items[1].count\"", "\"message\":\"must be a whole number in range\"");
        assertNoInternals(problem);

        assertThat(problem("{\"items\": [ {\"count\": 99999999999999999999} ]}"))
                .contains("\"field\":\"items[0].count\"", "must be a whole number in range");
        assertThat(problem("{\"items\": [ {\"day\": \"2026-02-30\"} ]}"))
                .contains("\"field\":\"items[0].day\"", "must be an ISO date YYYY-MM-DD");
        assertThat(problem("{\"items\": [ {\"done\": [1]} ]}")).contains("\"field\":\"items[0].done\"", "true or false");
        assertThat(problem("{\"items\": {\"count\": 1}}")).contains("\"field\":\"items\"", "must be an array");
        assertThat(problem("[1, 2]")).contains("The body must be a JSON object");
        for (String body : List.of("{\"items\": [ {\"count\": 99999999999999999999} ]}", "[1, 2]",
                "{\"items\": [ {\"day\": \"2026-02-30\"} ]}")) {
            assertNoInternals(problem(body));
        }
    }

    @Test
    void textThatPostgresCannotStoreIsNamed() {
        String problem = problem("{\"items\": [ {\"note\": \"nul\\u0000inside\"} ]}");
        assertThat(problem).contains("\"field\":\"items[0].note\"", "\"message\":\"must not contain a NUL character\"");
        assertNoInternals(problem);
    }

    @Test
    void anUnknownFieldIsNamed() {
        String problem = problem("{\"items\": [], \"secret\": 1}");
        assertThat(problem).contains("\"field\":\"secret\"", "\"message\":\"is not a known field\"");
        assertNoInternals(problem);
    }

    @Test
    void frameworkErrorsDoNotRepeatTheFrameworksMessage() {
        Response response = mapper.webApplication(new NotFoundException("RESTEASY003210: Could not find resource for "
                + "full path: org.example.Secret"), URI);
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getEntity().toString()).contains("Nothing is served at this path")
                .doesNotContain("RESTEASY", "org.example");
    }

    @Test
    void aParseErrorThatTheJsonReaderWrappedInABare400IsStillExplained() {
        JsonProcessingException failure = catchThrowableOfType(JsonProcessingException.class,
                () -> JSON.readValue("{\"items\": [", Batch.class));
        Response response = mapper.webApplication(new BadRequestException(failure), URI);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getEntity().toString()).contains("The body is not valid JSON (line 1, column ");
    }

    private String problem(String body) {
        JsonProcessingException failure = catchThrowableOfType(JsonProcessingException.class,
                () -> JSON.readValue(body, Batch.class));
        assertThat(failure).as("Jackson rejects %s", body).isNotNull();
        Response response = mapper.unreadableJson(failure, URI);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getMediaType()).hasToString(Problem.MEDIA_TYPE);
        return response.getEntity().toString();
    }

    private static void assertNoInternals(String problem) {
        assertThat(problem).doesNotContain(INTERNALS);
    }
}
