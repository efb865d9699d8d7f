@header Aftale om kommunernes økonomi for 2046
@footer Side {page}

# Aftale om kommunernes økonomi
# for 2046

1. juni 2045

## 1. Hovedpunkter i aftalen

Regeringen og KL er enige om en aftale om kommunernes økonomi for 2046, der giver kommunerne mulighed for at fastholde og udvikle velfærden i en periode, hvor der bliver flere børn i de større byer og flere ældre i hele landet. Aftalens hovedelementer er:

- Udgangspunktet for servicerammen løftes med 2,5 mia. kr. i 2046.
- Sammen med finanslovens pulje til flere pædagoger styrkes den borgernære velfærd med i alt 3,6 mia. kr.
- Kommunernes bruttoanlæg udgør 25,6 mia. kr., inklusive en midlertidig pulje til renovering af folkeskoler.
- Det ekstraordinære finansieringstilskud forhøjes til 3,0 mia. kr.
- Kommunernes skat under ét er uændret.

## 2. Kommunernes økonomi i 2046

### Serviceudgifter

Servicerammen for 2045 udgjorde 412,6 mia. kr. Opgjort i 2046-pl og korrigeret for DUT mv. er udgangspunktet for 2046 424,2 mia. kr. Parterne er enige om en teknisk korrektion af udgangspunktet på -0,3 mia. kr., fordi udgifter til borgerstyret personlig assistance fremover konteres som overførsler.

Regeringen og KL er enige om at løfte udgangspunktet med 2,5 mia. kr. Servicerammen for 2046 udgør herefter 426,4 mia. kr. Uden den tekniske korrektion ville rammen have udgjort 426,7 mia. kr. Hertil kommer yderligere reguleringer i medfør af DUT mv., herunder foreløbigt 0,6 mia. kr. vedrørende lovforslag, der endnu ikke er vedtaget. Medregnes disse, forventes det samlede niveau for serviceudgifterne at blive 427,0 mia. kr.

Finansloven for 2046 afsætter herudover 1,1 mia. kr. til flere pædagoger i daginstitutionerne. Puljen udmøntes uden for servicerammen. Med puljen udgør det samlede løft af den borgernære velfærd 3,6 mia. kr. i 2046.

### Anlæg

Kommunernes bruttoanlæg udgør 25,6 mia. kr. i 2046. Anlægsrammen omfatter en midlertidig pulje på 0,8 mia. kr. til renovering af folkeskoler, som alene gælder for 2046; ses der bort fra puljen, svarer anlægsniveauet til 24,8 mia. kr. Ældreboliger indgår ikke i rammen og skønnes at udgøre 1,1 mia. kr. Til sammenligning udgjorde anlægsrammen for 2045 24,9 mia. kr.

### Betinget bloktilskud

Bloktilskuddet til kommunerne udgør i alt 106,9 mia. kr. i 2046, hvoraf 3,0 mia. kr. er betinget af, at kommunerne under ét budgetterer med serviceudgifter inden for servicerammen. Om en del af bloktilskuddet også skal betinges af kommunernes anlægsbudgetter, fastlægges i forbindelse med udmeldingen af det endelige bloktilskud for 2046. I 2045 var 1,0 mia. kr. betinget af anlægsbudgetterne.

### Balancen

Regeringen og KL er enige om, at der for kommunerne under ét er balance i økonomien i 2046 med de forudsætninger, der fremgår af tabel 1.

**Tabel 1. Balance for kommunerne i 2046**

[tabel]
| Mia. kr., 2046-pl | Aftale 2045 (2046-pl) | Aftale 2046 |
| Serviceudgifter | 424,2 | 426,4 |
| Aktivitetsbestemt medfinansiering | 34,7 | 35,2 |
| Overførsler | 124,0 | 126,9 |
| Forsikrede ledige | 18,6 | 18,1 |
| Bruttoanlæg | 25,4 | 25,6 |
| Øvrige udgifter | 1,6 | 1,7 |
| Udgifter i alt | 628,5 | 633,9 |
| Skatteindtægter | -491,0 | -498,7 |
| Bloktilskud | -105,1 | -106,9 |
| Heraf betinget bloktilskud | -4,0 | -3,0 |
| Beskæftigelsestilskud | -18,6 | -18,1 |
| Øvrige indtægter | -10,1 | -10,4 |
| Indtægter i alt | -624,8 | -634,1 |
[/tabel]

Anm.: Bruttoanlæg er eksklusive ældreboliger. Kolonnen for 2045 er aftalen for 2045 omregnet til 2046-pl og korrigeret for DUT mv.

[boks Boks 1. Forudsætninger for bloktilskuddet]
### Pris- og lønudvikling

PL-skønnet for de samlede kommunale udgifter inklusive overførsler fra 2045 til 2046 er 2,4 pct. For serviceudgifterne er skønnet 2,7 pct. og for anlægsudgifterne 2,0 pct. Statens PL-skøn for samme periode er 2,2 pct.

### Satsregulering

Satsreguleringsprocenten for 2046 fastlægges i forbindelse med finanslovforslaget for 2046 og indgår derfor ikke i aftalen.
[/boks]

## 3. Tilskud og regulering

### Midtvejsregulering

Regeringen og KL er enige om, at bloktilskuddet for 2045 nedreguleres med 0,9 mia. kr. i midtvejsreguleringen, primært som følge af et lavere skøn for pris- og lønudviklingen. Det foreløbige skøn fra foråret viste en nedregulering på 1,4 mia. kr. Beskæftigelsestilskuddet for 2045 opreguleres særskilt med 0,3 mia. kr. Til sammenligning udgjorde midtvejsreguleringen vedrørende 2044 1,7 mia. kr.

### Finansieringstilskud

Det ekstraordinære finansieringstilskud videreføres og forhøjes fra 2,5 mia. kr. i 2045 til 3,0 mia. kr. i 2046. Af tilskuddet fordeles 2,0 mia. kr. efter kommunernes grundlæggende økonomiske vilkår og 1,0 mia. kr. efter indbyggertal. I 2045 blev 1,5 mia. kr. fordelt efter vilkår.

### Skattefastsættelse

Målet er, at kommunernes samlede skat er uændret i 2046. Der oprettes en ramme på 150 mio. kr. til tilskud til kommuner, der nedsætter udskrivningsprocenten. Tilskuddet dækker 75 pct. af provenutabet i 2046, 50 pct. i 2047, 50 pct. i 2048 og 25 pct. i 2049. I 2045 var rammen til nedsættelser 200 mio. kr.

Hertil øges rammen til nedsættelser af udskrivningsprocenten med op til 35 mio. kr. for at modvirke en samlet skattestigning, der kan henføres til udligningsreformens indfasning af tab.

Rammen til skatteforhøjelser fastlægges i forbindelse med behandlingen af kommunernes ansøgninger, når det samlede omfang af nedsættelser er kendt. I 2045 udgjorde rammen til skatteforhøjelser 150 mio. kr.

## 4. Bidrag til regionerne

Grundbidraget for 2045 blev fastsat til 154 kr. pr. indbygger og er efterfølgende korrigeret til 155 kr. pr. indbygger på grundlag af den endelige regionale pris- og lønudvikling. For 2046 fastsættes grundbidraget til 159 kr. pr. indbygger. Det bygger på et regionalt PL-skøn fra 2045 til 2046 på 2,9 pct. inkl. medicin (2,6 pct. ekskl. medicin). Inklusive bidraget til kollektiv trafik udgør det samlede udviklingsbidrag 167 kr. pr. indbygger.

**Tabel 2. Pris- og lønskøn fra 2045 til 2046**

[tabel]
| Pct. | Skøn 2045-2046 |
| Kommunerne, samlede udgifter inkl. overførsler | 2,4 |
| Kommunerne, serviceudgifter | 2,7 |
| Kommunerne, anlægsudgifter | 2,0 |
| Regionerne, inkl. medicin | 2,9 |
| Regionerne, ekskl. medicin | 2,6 |
| Staten | 2,2 |
[/tabel]

## 5. Øvrige emner

### Særtilskud

Særtilskudspuljen til særligt vanskeligt stillede kommuner udgør 425 mio. kr. i 2046. Der afsættes desuden en lånepulje på 300 mio. kr. til kommuner med en anstrengt likviditet.

### Specialiseret socialområde

Parterne er enige om at gennemføre en analyse af udgiftsudviklingen på voksenhandicapområdet, som skal foreligge i foråret 2046 og indgå i drøftelserne om aftalen for 2047.
