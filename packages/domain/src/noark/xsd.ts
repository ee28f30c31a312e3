/**
 * XSD for the subset of Noark 5 v5.0 arkivstruktur that Innspill writes. Element names, order, cardinalities and the
 * code values used (journalposttype, journalstatus, saksstatus, korrespondanseparttype, variantformat,
 * avskrivningsmaate, …) follow Noark 5 version 5.0 as published by Arkivverket; optional elements of the standard
 * that Innspill does not fill are left out.
 */
export const NOARK_XSD = `<?xml version="1.0" encoding="UTF-8"?>
<!-- Subset of Noark 5 v5.0 arkivstruktur (Arkivverket), for Innspill's hearing-case exports. -->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns="http://www.arkivverket.no/standarder/noark5/arkivstruktur"
           targetNamespace="http://www.arkivverket.no/standarder/noark5/arkivstruktur"
           elementFormDefault="qualified">
  <xs:simpleType name="systemID">
    <xs:restriction base="xs:string">
      <xs:pattern value="[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="tekst"><xs:restriction base="xs:string"><xs:minLength value="1"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="journalposttype">
    <xs:restriction base="xs:string">
      <xs:enumeration value="Inngående dokument"/>
      <xs:enumeration value="Utgående dokument"/>
      <xs:enumeration value="Organinternt dokument for oppfølging"/>
      <xs:enumeration value="Organinternt dokument uten oppfølging"/>
      <xs:enumeration value="Saksframlegg"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="journalstatus">
    <xs:restriction base="xs:string">
      <xs:enumeration value="Journalført"/>
      <xs:enumeration value="Ferdigstilt fra saksbehandler"/>
      <xs:enumeration value="Godkjent av leder"/>
      <xs:enumeration value="Ekspedert"/>
      <xs:enumeration value="Arkivert"/>
      <xs:enumeration value="Utgår"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="saksstatus">
    <xs:restriction base="xs:string">
      <xs:enumeration value="Under behandling"/>
      <xs:enumeration value="Avsluttet"/>
      <xs:enumeration value="Utgår"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="korrespondanseparttype">
    <xs:restriction base="xs:string">
      <xs:enumeration value="Avsender"/>
      <xs:enumeration value="Mottaker"/>
      <xs:enumeration value="Kopimottaker"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="variantformat">
    <xs:restriction base="xs:string">
      <xs:enumeration value="Produksjonsformat"/>
      <xs:enumeration value="Arkivformat"/>
      <xs:enumeration value="Dokument hvor deler av innholdet er skjermet"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="avskrivningsmaate">
    <xs:restriction base="xs:string">
      <xs:enumeration value="Besvart med brev"/>
      <xs:enumeration value="Besvart med e-post"/>
      <xs:enumeration value="Besvart på telefon"/>
      <xs:enumeration value="Tatt til etterretning"/>
      <xs:enumeration value="Tatt til orientering"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="sjekksum">
    <xs:restriction base="xs:string"><xs:pattern value="[0-9a-f]{64}"/></xs:restriction>
  </xs:simpleType>

  <xs:element name="arkiv">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="systemID" type="systemID"/>
        <xs:element name="tittel" type="tekst"/>
        <xs:element name="arkivstatus" type="tekst"/>
        <xs:element name="opprettetDato" type="xs:dateTime"/>
        <xs:element name="opprettetAv" type="tekst"/>
        <xs:element name="arkivdel" type="arkivdel" maxOccurs="unbounded"/>
      </xs:sequence>
    </xs:complexType>
  </xs:element>

  <xs:complexType name="arkivdel">
    <xs:sequence>
      <xs:element name="systemID" type="systemID"/>
      <xs:element name="tittel" type="tekst"/>
      <xs:element name="arkivdelstatus" type="tekst"/>
      <xs:element name="opprettetDato" type="xs:dateTime"/>
      <xs:element name="opprettetAv" type="tekst"/>
      <xs:element name="mappe" type="saksmappe" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:complexType>

  <!-- saksmappe: the mappe elements, its registreringer, then the saksmappe elements. -->
  <xs:complexType name="saksmappe">
    <xs:sequence>
      <xs:element name="systemID" type="systemID"/>
      <xs:element name="mappeID" type="tekst"/>
      <xs:element name="tittel" type="tekst"/>
      <xs:element name="beskrivelse" type="tekst" minOccurs="0"/>
      <xs:element name="opprettetDato" type="xs:dateTime"/>
      <xs:element name="opprettetAv" type="tekst"/>
      <xs:element name="registrering" type="journalpost" minOccurs="0" maxOccurs="unbounded"/>
      <xs:element name="saksaar" type="xs:integer"/>
      <xs:element name="sakssekvensnummer" type="xs:integer"/>
      <xs:element name="saksdato" type="xs:date"/>
      <xs:element name="administrativEnhet" type="tekst"/>
      <xs:element name="saksansvarlig" type="tekst"/>
      <xs:element name="saksstatus" type="saksstatus"/>
    </xs:sequence>
  </xs:complexType>

  <!-- journalpost: the registrering elements, then the journalpost elements. -->
  <xs:complexType name="journalpost">
    <xs:sequence>
      <xs:element name="systemID" type="systemID"/>
      <xs:element name="opprettetDato" type="xs:dateTime"/>
      <xs:element name="opprettetAv" type="tekst"/>
      <xs:element name="arkivertDato" type="xs:dateTime"/>
      <xs:element name="arkivertAv" type="tekst"/>
      <xs:element name="dokumentbeskrivelse" type="dokumentbeskrivelse" minOccurs="0" maxOccurs="unbounded"/>
      <xs:element name="registreringsID" type="tekst"/>
      <xs:element name="tittel" type="tekst"/>
      <xs:element name="journalaar" type="xs:integer"/>
      <xs:element name="journalsekvensnummer" type="xs:integer"/>
      <xs:element name="journalpostnummer" type="xs:integer"/>
      <xs:element name="journalposttype" type="journalposttype"/>
      <xs:element name="journalstatus" type="journalstatus"/>
      <xs:element name="journaldato" type="xs:date"/>
      <xs:element name="dokumentetsDato" type="xs:date" minOccurs="0"/>
      <xs:element name="mottattDato" type="xs:dateTime" minOccurs="0"/>
      <xs:element name="sendtDato" type="xs:dateTime" minOccurs="0"/>
      <xs:element name="forfallsdato" type="xs:date" minOccurs="0"/>
      <xs:element name="korrespondansepart" type="korrespondansepart" maxOccurs="unbounded"/>
      <xs:element name="avskrivning" type="avskrivning" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="korrespondansepart">
    <xs:sequence>
      <xs:element name="korrespondanseparttype" type="korrespondanseparttype"/>
      <xs:element name="korrespondansepartNavn" type="tekst"/>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="avskrivning">
    <xs:sequence>
      <xs:element name="avskrivningsdato" type="xs:date"/>
      <xs:element name="avskrevetAv" type="tekst"/>
      <xs:element name="avskrivningsmaate" type="avskrivningsmaate"/>
      <xs:element name="referanseAvskrivesAvJournalpost" type="systemID" minOccurs="0"/>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="dokumentbeskrivelse">
    <xs:sequence>
      <xs:element name="systemID" type="systemID"/>
      <xs:element name="dokumenttype" type="tekst"/>
      <xs:element name="dokumentstatus" type="tekst"/>
      <xs:element name="tittel" type="tekst"/>
      <xs:element name="opprettetDato" type="xs:dateTime"/>
      <xs:element name="opprettetAv" type="tekst"/>
      <xs:element name="tilknyttetRegistreringSom" type="tekst"/>
      <xs:element name="dokumentnummer" type="xs:integer"/>
      <xs:element name="tilknyttetDato" type="xs:dateTime"/>
      <xs:element name="tilknyttetAv" type="tekst"/>
      <xs:element name="dokumentobjekt" type="dokumentobjekt" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="dokumentobjekt">
    <xs:sequence>
      <xs:element name="versjonsnummer" type="xs:integer"/>
      <xs:element name="variantformat" type="variantformat"/>
      <xs:element name="format" type="tekst"/>
      <xs:element name="opprettetDato" type="xs:dateTime"/>
      <xs:element name="opprettetAv" type="tekst"/>
      <xs:element name="referanseDokumentfil" type="tekst"/>
      <xs:element name="sjekksum" type="sjekksum"/>
      <xs:element name="sjekksumAlgoritme" type="tekst"/>
      <xs:element name="filstoerrelse" type="xs:integer"/>
    </xs:sequence>
  </xs:complexType>
</xs:schema>
`;
