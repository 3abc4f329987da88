package nl.meedoen.platform;

import java.util.List;
import java.util.Map;

import nl.meedoen.platform.web.Forms;
import org.junit.jupiter.api.Test;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormsTests {

    /** A form as pages bind it. */
    public static class NoteForm {

        private String text = "";

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }

    }

    private final BindingResult errors = new BeanPropertyBindingResult(new NoteForm(), "note");

    @Test
    void aChangeThatGoesThroughLeavesTheFormWithoutErrors() {
        boolean done = Forms.attempt(errors, () -> {
        });

        assertThat(done).isTrue();
        assertThat(errors.hasErrors()).isFalse();
    }

    @Test
    void aBrokenRuleStandsBesideItsFieldOrAboveTheFormWhenTheFormHasNoSuchField() {
        boolean done = Forms.attempt(errors, () -> {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldError("text", "note.tooLong"),
                    new InvalidInputException.FieldError("elsewhere", "note.other")));
        });

        assertThat(done).isFalse();
        assertThat(errors.getFieldError("text").getCode()).isEqualTo("note.tooLong");
        assertThat(errors.getGlobalError().getCode()).isEqualTo("note.other");
    }

    @Test
    void aConflictKeepsItsArgumentsAboveTheForm() {
        Forms.attempt(errors, () -> {
            throw new ConflictException("note.duplicate", "2026-12-01");
        });

        assertThat(errors.getGlobalError().getCode()).isEqualTo("note.duplicate");
        assertThat(errors.getGlobalError().getArguments()).containsExactly("2026-12-01");
    }

    @Test
    void anotherUsersEarlierChangeIsReportedAsStaleWhicheverLayerNoticedIt() {
        Forms.attempt(errors, () -> {
            throw new StaleVersionException();
        });
        BindingResult second = new BeanPropertyBindingResult(new NoteForm(), "note");
        Forms.attempt(second, () -> {
            throw new OptimisticLockingFailureException("row changed");
        });

        assertThat(errors.getGlobalError().getCode()).isEqualTo(Forms.STALE);
        assertThat(second.getGlobalError().getCode()).isEqualTo(Forms.STALE);
    }

    @Test
    void aButtonFlashesWhatWasSavedOrWhyItWasRefused() {
        RedirectAttributesModelMap saved = new RedirectAttributesModelMap();
        RedirectAttributesModelMap refused = new RedirectAttributesModelMap();

        assertThat(Forms.attempt(saved, "note.saved", () -> {
        })).isTrue();
        assertThat(Forms.attempt(refused, "note.saved", () -> {
            throw new UnprocessableException("note.noConsent");
        })).isFalse();

        assertThat((Map<String, Object>) saved.getFlashAttributes()).containsEntry("saved", "note.saved")
            .doesNotContainKey("problem");
        assertThat((Map<String, Object>) refused.getFlashAttributes()).containsEntry("problem", "note.noConsent")
            .doesNotContainKey("saved");
    }

    @Test
    void anUnexpectedFailureIsNotTurnedIntoAFormError() {
        assertThatThrownBy(() -> Forms.attempt(errors, () -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(errors.hasErrors()).isFalse();
    }

}
