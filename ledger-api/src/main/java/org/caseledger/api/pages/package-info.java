/**
 * The web pages for people: sign-in, the case list, the auditor's case page and the unit head's dashboard,
 * rendered on the server with Thymeleaf, with htmx and Chart.js as WebJars. Labels are Swedish by default and
 * English on request ({@code ?lang=en}). The pages sit behind the same access guard and access log as the API.
 */
package org.caseledger.api.pages;
