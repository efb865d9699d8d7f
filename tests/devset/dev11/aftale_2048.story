@header Aftale om kommunernes økonomi for 2048
@footer Side {page}
# Aftale om kommunernes økonomi for 2048
# 10. juni 2047

## Indledning

Regeringen og KL har i dag indgået aftale om kommunernes økonomi for 2048. Aftalen bygger videre på den kommunale struktur, som blev skabt med kommunalreformen, og på den fælles forståelse af, at de store kommuner skal bruge deres styrke til at levere en service af høj kvalitet til borgerne inden for rammer, der er til at styre.

Parterne er enige om, at kommunerne i de kommende år står over for en betydelig opgave. Antallet af ældre vokser, og kravene til kvaliteten i dagtilbud, skole og ældrepleje stiger. Samtidig er det afgørende for dansk økonomi, at de offentlige udgifter holdes i ro, og at de kommunale budgetter overholdes. Regeringen og KL har derfor i aftalen lagt vægt på at skabe gennemsigtighed i rammerne og at fastholde en stram budgetdisciplin.

Aftalen indeholder desuden initiativer om afbureaukratisering, frihed til at tilrettelægge opgaverne lokalt og bedre dokumentation af resultaterne. Parterne vil i fællesskab følge op på, at de frigjorte ressourcer kommer borgerne til gode. Kommunerne forventes at budgettere med en vækst i serviceudgifterne på 0,4 pct. i forhold til budget 2047, hvilket svarer til 1,6 mia. kr.

Regeringen og KL er endelig enige om at fortsætte samarbejdet om den digitale forvaltning frem mod 2052, hvor der samlet forventes gevinster for 2,5 mia. kr., som fordeles mellem stat, kommuner og regioner efter nærmere aftale.

## Kommunernes økonomi i 2048

Udgiftsloftet for den offentlige sektor fastlægger den overordnede ramme for udgifterne, og kommunernes serviceudgifter udgør den største del af det kommunale delloft. Med aftalen fastlægges kommunernes serviceudgifter i 2048 til 412,3 mia. kr. Til sammenligning var der i budgetterne for 2047 afsat 405,9 mia. kr. i 2048-prisniveau.

De kommunale bruttoanlægsudgifter forventes at udgøre 28,4 mia. kr. i 2048. Det er 1,2 mia. kr. mere end i det oprindelige budget for 2047. Regeringen og KL er enige om, at anlægsniveauet skal understøtte investeringer i skoler, daginstitutioner og energirenovering.

For at sikre, at den aftalte ramme for serviceudgifterne overholdes i budgetterne, er 3 mia. kr. af bloktilskuddet betinget af, at kommunerne under ét budgetterer inden for det aftalte niveau. Overskrides niveauet, nedsættes det betingede bloktilskud tilsvarende.

Kommunernes finansiering er sammensat som vist i tabel 1. Tabellen er opgjort i mio. kr. i 2048-prisniveau.

**Tabel 1. Kommunernes finansiering**

[tabel]
| Mio. kr. (2048-pl) | Aftale 2048 |
| Serviceudgifter | 412.300 |
| Aktivitetsbestemt medfinansiering | 36.100 |
| Indkomstoverførsler | 98.400 |
| Forsikrede ledige | 21.800 |
| Bruttoanlæg | 28.400 |
| Øvrige udgifter | 1.500 |
| Udgifter i alt | 598.500 |
| Skatter | -452.600 |
| Bloktilskud | -112.900 |
| Heraf betinget bloktilskud | -3.000 |
| Beskæftigelsestilskud | -21.800 |
| Øvrige indtægter | -13.200 |
| Indtægter i alt | -600.500 |
[/tabel]

Pris- og lønskønnet for kommunernes serviceudgifter fra 2047 til 2048 er fastsat til 2,6 pct. For bruttoanlæggene er skønnet 2,1 pct., og for de samlede udgifter inklusive indkomstoverførsler 2,4 pct. Satsreguleringsprocenten for 2048 udgør 2,3 pct.

Der gennemføres en midtvejsregulering af bloktilskuddet for 2047 på 1,15 mia. kr., som primært afspejler højere udgifter til indkomstoverførsler. Beskæftigelsestilskuddet for 2047 efterreguleres særskilt med 0,4 mia. kr.

## Finansieringstilskud og lånepuljer

Der ydes i 2048 et finansieringstilskud på 3 mia. kr. Heraf fordeles 1 mia. kr. efter kommunernes grundlæggende økonomiske vilkår, mens de resterende 2 mia. kr. fordeles efter indbyggertal.

Der afsættes en lånepulje på 800 mio. kr. til kommuner med et særligt behov for at styrke likviditeten. Hertil kommer en lånepulje på 500 mio. kr. til investeringer i kvalitetsfondsprojekter og en særlig pulje på 250 mio. kr. til lån til energibesparende anlæg. Lånedispensationerne gives efter ansøgning.

## Skatter

Regeringen og KL er enige om, at den samlede kommunale skat ikke stiger i 2048. Der afsættes et tilskud til kommuner, der nedsætter skatten, inden for en ramme på 200 mio. kr. af provenuet. Tilskuddet ydes efter samme principper som i de foregående år.

Kommuner, der forhøjer skatten, vil blive modregnet i bloktilskuddet. Grundskyldspromillen må ikke forhøjes.

## Regionerne

Det kommunale grundbidrag til regionerne udgør 183 kr. pr. indbygger i 2048 mod 178 kr. pr. indbygger i 2047. Fremskrivningen er sket med regionernes pris- og lønskøn på 2,5 pct. Udviklingsbidraget til regionerne udgør 126 kr. pr. indbygger.
