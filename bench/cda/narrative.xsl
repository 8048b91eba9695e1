<?xml version="1.0" encoding="UTF-8"?>
<!-- bench/cda/narrative.xsl — a small CDA narrative-to-HTML stylesheet for the benchmark's
     xsltproc baseline: section titles, paragraphs, content, tables, footnotes; no header. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:h="urn:hl7-org:v3" exclude-result-prefixes="h">
  <xsl:output method="html" encoding="UTF-8"/>
  <xsl:template match="/">
    <html><body><h1><xsl:value-of select="h:ClinicalDocument/h:title"/></h1>
      <xsl:apply-templates select="//h:section"/></body></html>
  </xsl:template>
  <xsl:template match="h:section">
    <section><h2><xsl:value-of select="h:title"/></h2><xsl:apply-templates select="h:text/node()"/></section>
  </xsl:template>
  <xsl:template match="h:paragraph"><p><xsl:apply-templates/></p></xsl:template>
  <xsl:template match="h:br"><br/></xsl:template>
  <xsl:template match="h:content[@styleCode='Bold']"><b><xsl:apply-templates/></b></xsl:template>
  <xsl:template match="h:content"><span><xsl:apply-templates/></span></xsl:template>
  <xsl:template match="h:table"><table><xsl:apply-templates/></table></xsl:template>
  <xsl:template match="h:caption"><caption><xsl:apply-templates/></caption></xsl:template>
  <xsl:template match="h:thead|h:tbody|h:tr|h:th|h:td">
    <xsl:element name="{local-name()}"><xsl:apply-templates/></xsl:element>
  </xsl:template>
  <xsl:template match="h:footnote"><sup>*</sup><small><xsl:apply-templates/></small></xsl:template>
</xsl:stylesheet>
