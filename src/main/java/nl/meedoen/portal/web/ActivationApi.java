package nl.meedoen.portal.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.meedoen.portal.internal.ActivationLetterPdf;
import nl.meedoen.portal.internal.ActivationLetters;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The activation letter of Mijn Meedoen over the API, for the caseworker. */
@RestController
@PreAuthorize("hasRole('CASEWORKER')")
@Tag(name = "Mijn Meedoen activation", description = """
        The letter with which a resident makes their own Mijn Meedoen account: a username and a one-time code, \
        valid 30 days, stored only as a hash.""")
class ActivationApi {

    private final ActivationLetters letters;

    private final ActivationLetterPdf pdf;

    ActivationApi(ActivationLetters letters, ActivationLetterPdf pdf) {
        this.letters = letters;
        this.pdf = pdf;
    }

    @PostMapping(path = "/api/v1/persons/{id}/activation-letters", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Print an activation letter for Mijn Meedoen", description = """
            A new one-time code for the person, valid 30 days, and the letter (PDF) that carries it with the username \
            the resident logs in with. The code works once on /mijn/activeren, where the resident sets a password; \
            the letters printed before stop working. The code is shown only in this letter. Logged as a processing \
            of the person (ACTIVATION_LETTER). 404 for a person the caller cannot see.""")
    ResponseEntity<byte[]> issue(@PathVariable UUID id) {
        return Letters.created(pdf.render(letters.issue(id)));
    }

}
