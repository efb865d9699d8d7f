@header Regeringen og KL · Kommunernes økonomi 2069
@footer Side {page}

# Aftale om kommunernes økonomi
# for 2069

Regeringen og KL har den 2. juni 2068 indgået aftale om kommunernes økonomi for 2069. Aftalen er udformet som en opgørelse af ændringerne i forhold til aftalen for 2068. Hvor intet andet er nævnt, videreføres forudsætningerne fra sidste år.

## 1. Ændringerne i hovedtræk

- Servicerammen forhøjes med 20,9 mia. kr. i forhold til aftalen for 2068.
- Anlægsniveauet nedsættes med 0,6 mia. kr.
- Det betingede bloktilskud nedsættes med 1,0 mia. kr., idet betingelsen om anlæg bortfalder.
- Finansieringstilskuddet nedsættes med 0,5 mia. kr.
- Puljen til tilskud ved skattenedsættelser forhøjes med 50 mio. kr.
- Grundbidraget til regionerne forhøjes med 9 kr. pr. indbygger.

## 2. Service og anlæg

### Serviceudgifter

Servicerammen for 2069 forhøjes med 20,9 mia. kr. i forhold til aftalen for 2068 og udgør herefter 640,6 mia. kr. Af forhøjelsen vedrører 18,0 mia. kr. pris- og lønreguleringen og 0,3 mia. kr. opgaveændringer efter DUT-princippet. Den reelle forøgelse består i, at udgangspunktet for kommunernes serviceudgifter løftes med 2,6 mia. kr., hvilket er 0,2 mia. kr. mere end løftet i 2068.

### Anlæg

Kommunernes bruttoanlæg nedsættes med 0,6 mia. kr. i forhold til det aftalte niveau for 2068 på 39,8 mia. kr. Anlægsniveauet for 2069 udgør således 39,2 mia. kr. Nedsættelsen afspejler, at en række store projekter inden for plejeboliger afsluttes i 2068.

### Betingelser knyttet til bloktilskuddet

3,0 mia. kr. af bloktilskuddet er fortsat betinget af, at kommunernes budgetterede serviceudgifter under ét ikke overstiger servicerammen. Betingelsen om bruttoanlægget, som i 2068 omfattede 1,0 mia. kr., bortfalder fra 2069. Ingen del af bloktilskuddet for 2069 er derfor afhængig af anlægsbudgetterne, og det samlede betingede bloktilskud nedsættes fra 4,0 mia. kr. til 3,0 mia. kr.

## 3. Kommunernes samlede økonomi

Tabel 1 sammenholder aftalen for 2069 med aftalen for 2068, der er opregnet til 2069-pris- og lønniveau. Ændringskolonnen er opgjort i faste priser og afviger derfor fra de nominelle ændringer, der er nævnt i kapitel 1 og 2.

### Tabel 1. Kommunernes økonomi 2068-2069 (mia. kr., 2069-PL)

[tabel]
| | Aftale 2068 (2069-PL) | Aftale 2069 | Ændring |
| Serviceudgifter | 637,7 | 640,6 | 2,9 |
| Aktivitetsbestemt medfinansiering | 52,6 | 52,4 | -0,2 |
| Overførsler | 173,6 | 174,1 | 0,5 |
| Forsikrede ledige | 45,8 | 45,9 | 0,1 |
| Bruttoanlæg | 40,9 | 39,2 | -1,7 |
| Øvrige udgifter | 2,4 | 2,4 | 0,0 |
| Udgifter i alt | 953,0 | 954,6 | 1,6 |
| Skatter | -749,5 | -752,1 | -2,6 |
| Bloktilskud | -150,1 | -146,9 | 3,2 |
| Heraf betinget bloktilskud | -4,0 | -3,0 | 1,0 |
| Beskæftigelsestilskud | -45,8 | -45,9 | -0,1 |
| Øvrige indtægter | -14,5 | -14,5 | 0,0 |
| Indtægter i alt | -959,9 | -959,4 | 0,5 |
[/tabel]

Overførslerne i tabellen er opgjort uden udgifterne til forsikrede ledige, som vises på egen linje.

## 4. Priser, regulering og tilskud

### Pris- og lønskøn

Pris- og lønudviklingen for kommunernes samlede udgifter inklusive overførsler skønnes til 2,7 pct. fra 2068 til 2069, hvilket er 0,2 procentpoint lavere end i sidste års aftale. For serviceudgifterne nedsættes skønnet tilsvarende fra 3,1 pct. til 2,9 pct., mens skønnet for anlægsudgifterne er 2,6 pct. (2068: 2,8 pct.).

### Satsregulering

Satsreguleringsprocenten for 2069 er endnu ikke opgjort og offentliggøres senere. For 2068 udgjorde den 2,4 pct.

### Midtvejsregulering

Ved midtvejsreguleringen forhøjes bloktilskuddet for 2068 med 0,9 mia. kr. som følge af højere skønnede udgifter til overførsler. Til sammenligning blev bloktilskuddet for 2067 ved sidste års midtvejsregulering nedsat med 1,2 mia. kr.

### Finansieringstilskud

Finansieringstilskuddet nedsættes med 0,5 mia. kr. fra 2,0 mia. kr. i 2068 til 1,5 mia. kr. i 2069. Heraf fordeles 0,75 mia. kr. efter kommunernes grundlæggende økonomiske vilkår, hvilket er 0,25 mia. kr. mindre end sidste år. Resten fordeles til kommuner med særligt udgiftspres på socialområdet.

## 5. Skat

Puljen til tilskud til kommuner, der nedsætter skatten, forhøjes med 50 mio. kr. til 500 mio. kr. Tilskuddet svarer til 75 pct. af provenutabet i 2069, 50 pct. i 2070 og i 2071 og 25 pct. i 2072.

Rammen til nedsættelser af udskrivningsprocenten, der skal modvirke en skattestigning som følge af overudligning efter udligningsreformen, forhøjes med 10 mio. kr. til op til 50 mio. kr.

Rammen for skatteforhøjelser blev for 2068 fastlagt til 400 mio. kr. i efteråret 2067. For 2069 nedsættes rammen med 100 mio. kr. til 300 mio. kr.

## 6. Bidrag til regionerne

Grundbidraget til regionernes udviklingsopgaver forhøjes med 9 kr. pr. indbygger i forhold til 2068, jf. tabel 2. Forhøjelsen følger det regionale pris- og lønskøn på 3,0 pct. fra 2068 til 2069, som er 0,4 procentpoint lavere end sidste år.

### Tabel 2. Grundbidrag (kr. pr. indbygger)

[tabel]
| | 2068 | 2069 | Ændring |
| Grundbidrag, udviklingsområdet | 296 | 305 | +9 |
| Regionalt pris- og lønskøn, pct. | 3,4 | 3,0 | -0,4 |
[/tabel]

## 7. Øvrige forhold

Regeringen og KL fortsætter det flerårige arbejde med regelforenkling og velfærdsteknologi, som blev aftalt sidste år. Arbejdsgruppen om det specialiserede socialområde har afleveret sine anbefalinger, og parterne er enige om at gennemføre dem i løbet af 2069 og 2070. Der følges op på budgetterne i efteråret 2068.
