package io.evento.server.publishing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.protocol.publish.BundleDescription;
import io.evento.protocol.publish.PublishRequest;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A publish request read and checked before anything is stored: the body is read up to a limit
 * (a bigger one is refused without reading the rest), the description must be one, the artifact
 * valid base64 of a zip file (jar or war) with a plain file name. The server never loads it.
 *
 * @param description  the bundle's description
 * @param artifactName its file name
 * @param artifact     its bytes
 * @param sha256       their SHA-256, hex
 */
public record Upload(BundleDescription description, String artifactName, byte[] artifact, String sha256) {

    /** The largest artifact accepted. */
    public static final int MAX_ARTIFACT_BYTES = 64 << 20;
    /** The largest body: the artifact in base64 and a description of up to 4 MiB. */
    public static final long MAX_BODY_BYTES = MAX_ARTIFACT_BYTES / 3L * 4 + (4 << 20);
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}\\.(jar|war)");
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Reads a request body of at most {@link #MAX_BODY_BYTES}. */
    public static Upload read(InputStream body) {
        byte[] bytes;
        try {
            bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BODY_BYTES + 1));
        } catch (IOException e) {
            throw invalid("the upload could not be read: " + e.getMessage());
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new EventoException(ErrorCode.PAYLOAD_TOO_LARGE, "an upload has at most " + MAX_BODY_BYTES
                    + " bytes (an artifact of at most " + MAX_ARTIFACT_BYTES + " bytes)");
        }
        PublishRequest request;
        try {
            request = JSON.readValue(bytes, PublishRequest.class);
        } catch (ValueInstantiationException e) {
            throw invalid("invalid description: " + (e.getCause() != null ? e.getCause().getMessage() : e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw invalid("the upload is not {\"description\", \"artifactName\", \"artifact\"} JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw invalid("the upload could not be read: " + e.getMessage());
        }
        if (request == null || request.description() == null) {
            throw invalid("the upload has no description");
        }
        if (request.artifactName() == null || !FILE_NAME.matcher(request.artifactName()).matches()) {
            throw invalid("artifactName must be a plain file name ending in .jar or .war, got '" + request.artifactName() + "'");
        }
        if (request.artifact() == null || request.artifact().isEmpty()) {
            throw invalid("the upload has no artifact");
        }
        byte[] artifact;
        try {
            artifact = Base64.getDecoder().decode(request.artifact());
        } catch (IllegalArgumentException e) {
            throw invalid("the artifact is not base64: " + e.getMessage());
        }
        if (artifact.length > MAX_ARTIFACT_BYTES) {
            throw new EventoException(ErrorCode.PAYLOAD_TOO_LARGE, "an artifact has at most " + MAX_ARTIFACT_BYTES + " bytes");
        }
        if (artifact.length < 4 || artifact[0] != 'P' || artifact[1] != 'K' || artifact[2] != 3 || artifact[3] != 4) {
            throw invalid("the artifact is not a jar or war (a zip file)");
        }
        return new Upload(request.description(), request.artifactName(), artifact, sha256(artifact));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EventoException invalid(String message) {
        return new EventoException(ErrorCode.INVALID_REQUEST, message);
    }
}
