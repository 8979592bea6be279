package org.caseledger.api.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an integrator may rely on in every error answer, checked from outside: a problem in JSON whose {@code type}
 * is one of the ledger's own problem pages, with a title and a detail, and no trace of the code behind it (a class,
 * a package, an exception, the JSON library).
 */
public final class ProblemChecks {

    /** Names a person should never read in an answer: qualified or nested class names, exceptions, the libraries. */
    public static final Pattern CODE_NAMES = Pattern.compile(
            "[a-z]+\\.[a-z]+\\.[A-Z]|\\$[A-Z]|Exception|(?i:jackson)|\\bjava\\.|\\bjavax?\\.|\\bjakarta\\.|\\borg\\.[a-z]|\\btools\\.[a-z]"
                    + "|\\bcom\\.[a-z]|\\bat [\\w$.]+\\(");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemChecks() {
    }

    /** What is wrong with an answer as a problem, or nothing. */
    public static List<String> faults(int status, String contentType, String body) {
        List<String> faults = new ArrayList<>();
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            faults.add("is " + contentType + ", not application/problem+json");
            return faults;
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (JacksonException e) {
            faults.add("is no JSON");
            return faults;
        }
        if (problem.path("status").asInt() != status) {
            faults.add("says status " + problem.path("status") + " but was answered " + status);
        }
        if (!problem.path("type").asString().startsWith("/problems/")) {
            faults.add("has a type that is not one of the ledger's problem pages: " + problem.path("type"));
        }
        if (problem.path("title").asString().isBlank()) {
            faults.add("has no title");
        }
        if (problem.path("detail").asString().isBlank()) {
            faults.add("has no detail");
        }
        if (CODE_NAMES.matcher(body).find()) {
            faults.add("names the code behind it: " + CODE_NAMES.matcher(body).results().map(match -> match.group()).toList());
        }
        return faults;
    }

    public static String type(String body) {
        return JSON.readTree(body).path("type").asString();
    }
}
