package org.caseledger.api.problems;

import java.util.Map;

/**
 * A refusal that gives a program more than its rule and words: members added to the problem it is answered with, each
 * named in the OpenAPI document's problem schema.
 */
public interface ProblemProperties {

    Map<String, Object> problemProperties();
}
