package org.caseledger.api.contract;

import io.swagger.v3.core.jackson.TypeNameResolver;

/**
 * Schema names for Java types: a nested type is named by its outer and inner names ({@code CaseView.Report} is
 * {@code CaseViewReport}), so that two types of the same simple name (a case view's report and the metrics' report)
 * never share one schema.
 */
final class NestedTypeNames extends TypeNameResolver {

    /** The schema name of a type, as the document gives it. */
    static String of(Class<?> type) {
        Class<?> outer = type.getEnclosingClass();
        return outer == null ? type.getSimpleName() : of(outer) + type.getSimpleName();
    }

    @Override
    protected String getNameOfClass(Class<?> type) {
        Class<?> outer = type.getEnclosingClass();
        return outer == null ? super.getNameOfClass(type) : getNameOfClass(outer) + type.getSimpleName();
    }
}
