/**
 * The report model and one writer per format (JSON, Markdown, HTML), plus what the report says
 * about the application and its databases.
 */
package io.queryadvisor.advisor.report;
