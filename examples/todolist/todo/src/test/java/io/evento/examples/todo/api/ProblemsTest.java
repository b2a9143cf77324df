package io.evento.examples.todo.api;

import com.fasterxml.jackson.core.JacksonException;
import io.evento.examples.todo.api.Problems.Problem;
import io.evento.examples.todo.api.TodoResource.NewList;
import io.evento.examples.todo.api.UserResource.NewUser;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ProblemsTest {

    @Nested
    class ABodyThatIsNotJson {

        @Test
        void isInvalidJsonWithTheLineAndColumnAndNoParserWording() {
            // given a body cut short
            // when it is read
            Problem problem = Problems.unreadable(failureReading("{\"name\":\"x\"", NewList.class));

            // then
            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.code()).isEqualTo("INVALID_JSON");
            assertThat(problem.detail()).matches("the body is not valid JSON \\(line 1, column \\d+\\)");
        }
    }

    @Nested
    class AFieldOfTheWrongType {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "{\"userId\":\"zed\",\"name\":\"Zed\",\"maxLists\":\"3\"}|\"maxLists\" must be a whole number",
                "{\"userId\":\"zed\",\"name\":\"Zed\",\"maxLists\":2.7}|\"maxLists\" must be a whole number",
                "{\"userId\":42,\"name\":\"Zed\",\"maxLists\":1}|\"userId\" must be a string",
                "{\"userId\":\"zed\",\"name\":true,\"maxLists\":1}|\"name\" must be a string",
                "{\"userId\":\"zed\",\"name\":\"Zed\",\"maxLists\":null}|\"maxLists\" must be a whole number",
                "{\"userId\":\"zed\",\"name\":\"Zed\",\"maxLists\":1,\"admin\":true}|\"admin\" is not a field of this request"})
        void isNamedWithWhatItMustBe(String body, String detail) {
            // when
            Problem problem = Problems.unreadable(failureReading(body, NewUser.class));

            // then
            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.code()).isEqualTo("INVALID_REQUEST");
            assertThat(problem.detail()).isEqualTo(detail);
        }

        @Test
        void aBodyThatIsNotAnObjectIsSaidToBeOne() {
            Problem problem = Problems.unreadable(failureReading("[1,2]", NewList.class));

            assertThat(problem.detail()).isEqualTo("the body must be a JSON object with the fields of the request");
        }
    }

    @Nested
    class AWellTypedBody {

        @Test
        void isRead() throws Exception {
            NewUser user = StrictJson.MAPPER.readValue("{\"userId\":\"zed\",\"name\":\"Zed\",\"maxLists\":3}", NewUser.class);

            assertThat(user).isEqualTo(new NewUser("zed", "Zed", 3));
        }
    }

    private static JacksonException failureReading(String body, Class<?> type) {
        JacksonException failure = catchThrowableOfType(JacksonException.class, () -> StrictJson.MAPPER.readValue(body, type));
        assertThat(failure).as("reading " + body).isNotNull();
        return failure;
    }
}
